-- The first two statements commit at once (DDL); the third fails. The snapshot puts all of it back.
CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);
ALTER TABLE users ADD COLUMN nickname VARCHAR(20);
ALTER TABLE orderz ADD COLUMN status VARCHAR(20);
