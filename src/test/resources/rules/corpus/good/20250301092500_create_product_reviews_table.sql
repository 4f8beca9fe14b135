CREATE TABLE product_reviews (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY COMMENT 'review id',
    product_id INT NOT NULL REFERENCES products (id),
    user_id BIGINT NULL,
    stars TINYINT NOT NULL,
    body TEXT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT chk_product_reviews_stars CHECK (stars BETWEEN 1 AND 5),
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
);

CREATE TABLE product_reviews_archive LIKE product_reviews;

CREATE TEMPORARY TABLE tmp_review_counts (product_id INT NOT NULL, reviews INT NOT NULL);
