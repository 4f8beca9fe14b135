-- Generated columns: STORED can be indexed by every engine, VIRTUAL costs no space.
ALTER TABLE orders
    ADD COLUMN line_total DECIMAL(14,2) AS (quantity * price) STORED,
    ADD INDEX idx_orders_line_total (line_total);

ALTER TABLE users
    ADD COLUMN email_domain VARCHAR(255) GENERATED ALWAYS AS (SUBSTRING_INDEX(email, '@', -1)) VIRTUAL;

CREATE TABLE shipments (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id BIGINT NOT NULL,
    weight_grams INT NOT NULL,
    weight_kg DECIMAL(10,3) GENERATED ALWAYS AS (weight_grams / 1000) VIRTUAL,
    shipped_on DATE NULL,
    shipped_year SMALLINT AS (YEAR(shipped_on)) STORED,
    KEY idx_shipments_year (shipped_year),
    CONSTRAINT fk_shipments_order FOREIGN KEY (order_id) REFERENCES orders (id)
);
