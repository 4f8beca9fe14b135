ALTER TABLE suppliers CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE suppliers ENGINE = InnoDB, ROW_FORMAT = DYNAMIC;
ALTER TABLE suppliers COMMENT = 'companies we buy from';
SET SESSION sql_mode = 'STRICT_ALL_TABLES';
SET NAMES utf8mb4;
