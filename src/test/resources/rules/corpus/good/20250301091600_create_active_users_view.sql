CREATE VIEW active_users AS
    SELECT id, email, username FROM users WHERE status = 'active';

CREATE OR REPLACE VIEW order_totals AS
    SELECT o.user_id, COUNT(*) AS orders, SUM(o.total) AS total
    FROM orders o
    WHERE o.status <> 'cancelled'
    GROUP BY o.user_id;
