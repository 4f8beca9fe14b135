-- RSX Migrate parser evaluation corpus: MySQL 8 / MariaDB 10.11+ statements as found in migrations.
-- Entries are separated by a line containing only "-- @@". The first line of each entry that starts with
-- "-- #" is its label (not part of the statement). A trailing ";" is stripped before parsing.
-- @@
-- # create-autoinc-pk-inline
CREATE TABLE users (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(255) NOT NULL,
  display_name VARCHAR(100) NULL DEFAULT NULL,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  UNIQUE KEY uk_users_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- @@
-- # create-int-unsigned-table-pk
CREATE TABLE orders (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  user_id BIGINT NOT NULL,
  total DECIMAL(12,2) UNSIGNED NOT NULL DEFAULT 0.00,
  status ENUM('new','paid','shipped','cancelled') NOT NULL DEFAULT 'new',
  PRIMARY KEY (id),
  KEY idx_orders_user (user_id),
  CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='customer orders' ROW_FORMAT=DYNAMIC;
-- @@
-- # create-composite-pk-backticks
CREATE TABLE `order_items` (
  `order_id` INT UNSIGNED NOT NULL,
  `line_no` SMALLINT UNSIGNED NOT NULL,
  `sku` VARCHAR(64) NOT NULL COMMENT 'stock keeping unit',
  `qty` INT NOT NULL DEFAULT 1,
  PRIMARY KEY (`order_id`, `line_no`),
  FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB;
-- @@
-- # create-generated-columns
CREATE TABLE products (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  price DECIMAL(10,2) NOT NULL,
  vat_rate DECIMAL(4,3) NOT NULL DEFAULT 0.200,
  gross DECIMAL(10,2) GENERATED ALWAYS AS (price * (1 + vat_rate)) STORED,
  name_lower VARCHAR(200) AS (LOWER(name)) VIRTUAL,
  name VARCHAR(200) NOT NULL
);
-- @@
-- # create-json-check
CREATE TABLE settings (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  payload JSON NOT NULL,
  priority TINYINT NOT NULL DEFAULT 0,
  CONSTRAINT chk_priority CHECK (priority BETWEEN 0 AND 9),
  CHECK (JSON_VALID(payload))
);
-- @@
-- # create-fulltext-spatial
CREATE TABLE places (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title VARCHAR(200) NOT NULL,
  body TEXT,
  location POINT NOT NULL SRID 4326,
  FULLTEXT KEY ft_places (title, body),
  SPATIAL INDEX sp_location (location)
) ENGINE=InnoDB;
-- @@
-- # create-set-column
CREATE TABLE permissions (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  flags SET('read','write','admin') NOT NULL DEFAULT '',
  is_active TINYINT(1) NOT NULL DEFAULT 1
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
-- @@
-- # create-partition-range
CREATE TABLE events_log (
  id BIGINT NOT NULL AUTO_INCREMENT,
  created DATE NOT NULL,
  message VARCHAR(500),
  PRIMARY KEY (id, created)
) ENGINE=InnoDB
PARTITION BY RANGE (YEAR(created)) (
  PARTITION p2023 VALUES LESS THAN (2024),
  PARTITION p2024 VALUES LESS THAN (2025),
  PARTITION pmax VALUES LESS THAN MAXVALUE
);
-- @@
-- # create-partition-hash
CREATE TABLE sessions (
  id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  PRIMARY KEY (id)
) PARTITION BY HASH (id) PARTITIONS 8;
-- @@
-- # create-partition-list
CREATE TABLE regional_sales (
  id INT NOT NULL,
  region_id INT NOT NULL,
  amount DECIMAL(10,2)
) PARTITION BY LIST (region_id) (
  PARTITION p_north VALUES IN (1, 2, 3),
  PARTITION p_south VALUES IN (4, 5, 6)
);
-- @@
-- # create-if-not-exists
CREATE TABLE IF NOT EXISTS audit_log (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  action VARCHAR(50) NOT NULL,
  at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
);
-- @@
-- # create-like
CREATE TABLE users_backup LIKE users;
-- @@
-- # create-as-select
CREATE TABLE active_users AS SELECT id, email FROM users WHERE display_name IS NOT NULL;
-- @@
-- # mariadb-create-or-replace-table
CREATE OR REPLACE TABLE tmp_import (
  id INT UNSIGNED NOT NULL PRIMARY KEY,
  raw_line TEXT
);
-- @@
-- # mariadb-system-versioning
CREATE TABLE prices_history (
  id INT NOT NULL PRIMARY KEY,
  price DECIMAL(10,2) NOT NULL
) WITH SYSTEM VERSIONING;
-- @@
-- # mariadb-create-sequence
CREATE SEQUENCE invoice_seq START WITH 1000 INCREMENT BY 1;
-- @@
-- # alter-add-column-after
ALTER TABLE users ADD COLUMN phone VARCHAR(32) NULL AFTER email;
-- @@
-- # alter-add-column-unsigned
ALTER TABLE orders ADD COLUMN item_count INT UNSIGNED NOT NULL DEFAULT 0;
-- @@
-- # alter-add-column-first
ALTER TABLE users ADD tenant_id BIGINT NOT NULL DEFAULT 0 FIRST;
-- @@
-- # alter-modify-column
ALTER TABLE users MODIFY COLUMN display_name VARCHAR(200) NOT NULL;
-- @@
-- # alter-change-column
ALTER TABLE users CHANGE COLUMN display_name full_name VARCHAR(200) NULL;
-- @@
-- # alter-rename-column
ALTER TABLE users RENAME COLUMN phone TO phone_number;
-- @@
-- # alter-drop-column
ALTER TABLE users DROP COLUMN phone_number;
-- @@
-- # alter-drop-primary-key
ALTER TABLE order_items DROP PRIMARY KEY;
-- @@
-- # alter-add-primary-key
ALTER TABLE sessions ADD PRIMARY KEY (id, user_id);
-- @@
-- # alter-add-fk
ALTER TABLE orders ADD CONSTRAINT fk_orders_user2 FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
-- @@
-- # alter-drop-fk
ALTER TABLE orders DROP FOREIGN KEY fk_orders_user2;
-- @@
-- # alter-column-set-default
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'paid';
-- @@
-- # alter-rename-to
ALTER TABLE tmp_import RENAME TO import_staging;
-- @@
-- # alter-multiple
ALTER TABLE users
  ADD COLUMN last_login DATETIME NULL AFTER updated_at,
  DROP COLUMN tenant_id,
  MODIFY COLUMN email VARCHAR(320) NOT NULL,
  ADD INDEX idx_users_last_login (last_login);
-- @@
-- # alter-algorithm-lock
ALTER TABLE users ADD INDEX idx_users_created (created_at), ALGORITHM=INPLACE, LOCK=NONE;
-- @@
-- # mariadb-alter-add-column-if-not-exists
ALTER TABLE users ADD COLUMN IF NOT EXISTS locale CHAR(5) NOT NULL DEFAULT 'en_US';
-- @@
-- # alter-table-options
ALTER TABLE users ENGINE=InnoDB, CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
-- @@
-- # create-index
CREATE INDEX idx_orders_status ON orders (status);
-- @@
-- # create-unique-index
CREATE UNIQUE INDEX uk_products_name ON products (name);
-- @@
-- # create-fulltext-index
CREATE FULLTEXT INDEX ft_products_name ON products (name);
-- @@
-- # drop-index-on
DROP INDEX idx_orders_status ON orders;
-- @@
-- # rename-table
RENAME TABLE users_backup TO users_archive, active_users TO active_users_old;
-- @@
-- # drop-table-if-exists
DROP TABLE IF EXISTS users_archive, active_users_old;
-- @@
-- # truncate-table
TRUNCATE TABLE audit_log;
-- @@
-- # insert-values
INSERT INTO settings (payload, priority) VALUES ('{"theme":"dark"}', 1), ('{"theme":"light"}', 2);
-- @@
-- # insert-on-duplicate
INSERT INTO settings (id, payload) VALUES (1, '{}') ON DUPLICATE KEY UPDATE payload = VALUES(payload);
-- @@
-- # insert-select
INSERT INTO audit_log (action) SELECT CONCAT('migrated ', email) FROM users;
-- @@
-- # update-where
UPDATE users SET display_name = 'anonymous' WHERE display_name IS NULL;
-- @@
-- # update-no-where
UPDATE orders SET status = 'new';
-- @@
-- # update-multi-join
UPDATE orders o JOIN users u ON u.id = o.user_id SET o.status = 'cancelled' WHERE u.email LIKE '%@example.com';
-- @@
-- # delete-where
DELETE FROM audit_log WHERE at < NOW() - INTERVAL 90 DAY;
-- @@
-- # delete-no-where
DELETE FROM sessions;
-- @@
-- # create-view
CREATE VIEW v_active_users AS SELECT id, email FROM users WHERE last_login > NOW() - INTERVAL 30 DAY;
-- @@
-- # create-or-replace-view
CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW v_order_totals AS
  SELECT user_id, SUM(total) AS total FROM orders GROUP BY user_id;
-- @@
-- # create-trigger-body
CREATE TRIGGER trg_orders_bu BEFORE UPDATE ON orders FOR EACH ROW
BEGIN
  IF NEW.status <> OLD.status THEN
    INSERT INTO audit_log (action) VALUES (CONCAT('order ', OLD.id, ' ', OLD.status, '->', NEW.status));
  END IF;
  SET NEW.total = GREATEST(NEW.total, 0);
END;
-- @@
-- # create-procedure
CREATE PROCEDURE purge_sessions(IN max_age_days INT)
BEGIN
  DECLARE cutoff DATETIME;
  SET cutoff = NOW() - INTERVAL max_age_days DAY;
  DELETE FROM audit_log WHERE at < cutoff;
  SELECT ROW_COUNT() AS deleted;
END;
-- @@
-- # create-function
CREATE FUNCTION order_label(p_id INT) RETURNS VARCHAR(64) DETERMINISTIC READS SQL DATA
BEGIN
  DECLARE s VARCHAR(20);
  SELECT status INTO s FROM orders WHERE id = p_id;
  RETURN CONCAT('#', p_id, ' ', s);
END;
-- @@
-- # create-event
CREATE EVENT IF NOT EXISTS ev_purge ON SCHEDULE EVERY 1 DAY STARTS '2025-01-01 03:00:00'
DO DELETE FROM audit_log WHERE at < NOW() - INTERVAL 1 YEAR;
-- @@
-- # set-fk-checks
SET FOREIGN_KEY_CHECKS = 0;
-- @@
-- # set-global
SET GLOBAL innodb_lock_wait_timeout = 120;
-- @@
-- # set-user-var
SET @now := NOW();
-- @@
-- # set-names
SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci;
-- @@
-- # use-db
USE app;
-- @@
-- # create-database
CREATE DATABASE IF NOT EXISTS app_reporting DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
-- @@
-- # create-user
CREATE USER IF NOT EXISTS 'report'@'%' IDENTIFIED BY 's3cret';
-- @@
-- # grant
GRANT SELECT, SHOW VIEW ON app.* TO 'report'@'%';
-- @@
-- # revoke
REVOKE INSERT, UPDATE ON app.* FROM 'report'@'%';
-- @@
-- # set-password
SET PASSWORD FOR 'report'@'%' = 'n3w-s3cret';
-- @@
-- # drop-user
DROP USER IF EXISTS 'report'@'%';
-- @@
-- # lock-tables
LOCK TABLES users WRITE, orders READ;
-- @@
-- # unlock-tables
UNLOCK TABLES;
-- @@
-- # call-proc
CALL purge_sessions(30);
-- @@
-- # prepare
PREPARE stmt FROM 'ALTER TABLE users ADD COLUMN x INT';
-- @@
-- # execute
EXECUTE stmt;
-- @@
-- # deallocate
DEALLOCATE PREPARE stmt;
