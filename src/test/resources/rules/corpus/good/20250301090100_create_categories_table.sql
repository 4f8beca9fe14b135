-- Seed 001, "Creating a Table (Simple Version - Recommended)": INT becomes BIGINT on normalization.
CREATE TABLE categories (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, -- becomes BIGINT
    parent_id INT NULL,                          -- becomes BIGINT
    name VARCHAR(255) NOT NULL,
    description TEXT,                            -- becomes LONGTEXT
    is_active TINYINT(1) NOT NULL DEFAULT 1,     -- stays TINYINT(1)
    INDEX idx_parent (parent_id),
    CONSTRAINT fk_categories_parent FOREIGN KEY (parent_id) REFERENCES categories (id) ON DELETE SET NULL
);
