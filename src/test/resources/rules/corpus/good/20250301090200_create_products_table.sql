-- Seed 001, "Creating a Table (Simple Version - Recommended)"
CREATE TABLE products (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, -- becomes BIGINT
    name VARCHAR(255) NOT NULL,
    description TEXT, -- becomes LONGTEXT
    price DECIMAL(10,2) NOT NULL DEFAULT 0.00,
    stock_quantity INT NOT NULL DEFAULT 0, -- becomes BIGINT
    is_active TINYINT(1) NOT NULL DEFAULT 1, -- stays TINYINT(1)
    category_id INT NULL, -- becomes BIGINT
    INDEX idx_category (category_id),
    INDEX idx_active (is_active)
    -- No need for created_at/updated_at - added automatically
);

ALTER TABLE products
    ADD CONSTRAINT fk_products_category FOREIGN KEY (category_id) REFERENCES categories (id);
