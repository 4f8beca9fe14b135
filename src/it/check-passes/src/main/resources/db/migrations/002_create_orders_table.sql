-- Each order belongs to a user; total is computed by the server.
CREATE TABLE orders (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    quantity INT NOT NULL,
    unit_price DECIMAL(10, 2) NOT NULL,
    total DECIMAL(12, 2) AS (quantity * unit_price) STORED,
    status VARCHAR(20) NOT NULL DEFAULT 'new',
    note VARCHAR(255) NULL,
    CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
