--liquibase formatted sql

--changeset rsx:20250301091800-1 endDelimiter://
CREATE PROCEDURE close_stale_orders(IN days INT)
BEGIN
    UPDATE orders SET status = 'closed'
    WHERE status = 'new' AND created_at < NOW() - INTERVAL days DAY;
END//

--changeset rsx:20250301091800-2
ALTER TABLE orders ADD INDEX idx_orders_status_created (status, created_at);
