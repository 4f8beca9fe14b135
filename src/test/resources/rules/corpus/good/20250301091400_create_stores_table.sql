-- Spatial and full-text indexes.
CREATE TABLE stores (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    supplier_id BIGINT NULL,
    name VARCHAR(255) NOT NULL,
    address TEXT NOT NULL,
    location POINT NOT NULL,
    SPATIAL INDEX sp_stores_location (location),
    FULLTEXT INDEX ft_stores_address (name, address),
    CONSTRAINT fk_stores_supplier FOREIGN KEY (supplier_id) REFERENCES suppliers (id) ON DELETE SET NULL
) ENGINE=InnoDB;

CREATE FULLTEXT INDEX ft_products_name ON products (name, description);
