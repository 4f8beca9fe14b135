--liquibase formatted sql

--changeset rsx:1
CREATE TABLE audit_log (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, message VARCHAR(255) NOT NULL);
--rollback DROP TABLE audit_log;
