CREATE USER 'app'@'%' IDENTIFIED BY 'secret';
