--liquibase formatted sql

--changeset rsx:002-1
CREATE TABLE orders (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    placed_at DATETIME NOT NULL
);
--rollback DROP TABLE orders;
