-- The corrected 002: it creates the same table and column, which only works if the restore removed them.
CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);
ALTER TABLE users ADD COLUMN nickname VARCHAR(20);
ALTER TABLE orders ADD COLUMN status VARCHAR(20);
