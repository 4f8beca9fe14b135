SET PASSWORD FOR 'app'@'%' = PASSWORD('secret');
