-- Several clauses in one ALTER, with the algorithm and lock level chosen.
ALTER TABLE products
    ADD COLUMN sku VARCHAR(64) NULL AFTER name,
    ADD UNIQUE KEY uq_products_sku (sku),
    ALGORITHM = INPLACE, LOCK = SHARED;

ALTER TABLE products MODIFY name VARCHAR(500) NOT NULL;

ALTER TABLE suppliers ADD COLUMN contact_email VARCHAR(255) NOT NULL DEFAULT '' AFTER name;
ALTER TABLE suppliers MODIFY rating DECIMAL(12,4) NOT NULL DEFAULT 0;
ALTER TABLE posts MODIFY title TEXT NOT NULL;
