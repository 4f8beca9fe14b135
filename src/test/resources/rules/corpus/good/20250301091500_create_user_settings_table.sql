-- JSON documents and CHECK constraints.
CREATE TABLE user_settings (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    settings JSON NOT NULL,
    theme VARCHAR(20) NOT NULL DEFAULT 'light',
    font_size TINYINT NOT NULL DEFAULT 14,
    UNIQUE KEY uq_user_settings_user (user_id),
    CONSTRAINT chk_user_settings_json CHECK (JSON_VALID(settings)),
    CONSTRAINT chk_user_settings_theme CHECK (theme IN ('light', 'dark')),
    CONSTRAINT fk_user_settings_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

ALTER TABLE products ADD CONSTRAINT chk_products_price CHECK (price >= 0);
ALTER TABLE orders ADD COLUMN metadata JSON NULL;
