-- Orders belong to users. The first statement succeeds and, being DDL, commits at once.
CREATE TABLE orders (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX idx_invoices_order ON invoices (order_id);

CREATE INDEX idx_orders_user ON orders (user_id);
