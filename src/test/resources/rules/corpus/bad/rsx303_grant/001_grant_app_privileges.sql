GRANT SELECT, INSERT ON shop.* TO 'app'@'%';
