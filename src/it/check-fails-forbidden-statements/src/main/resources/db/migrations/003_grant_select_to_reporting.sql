GRANT SELECT ON shop.* TO 'reporting'@'%';
