--liquibase formatted sql

--changeset rsx:20250301091700-1 endDelimiter://
CREATE TRIGGER orders_touch BEFORE UPDATE ON orders
FOR EACH ROW
BEGIN
    IF NEW.status <> OLD.status THEN
        SET NEW.note = CONCAT('status changed from ', OLD.status);
    END IF;
END//
