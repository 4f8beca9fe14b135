RENAME TABLE users TO accounts;
