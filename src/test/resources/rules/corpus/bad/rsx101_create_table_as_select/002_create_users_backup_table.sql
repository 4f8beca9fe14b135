CREATE TABLE users_backup
AS SELECT email, note FROM users WHERE note IS NOT NULL;
