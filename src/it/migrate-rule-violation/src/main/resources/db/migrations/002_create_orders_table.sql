-- Orders are keyed by their number.
CREATE TABLE orders (
    order_no VARCHAR(20) PRIMARY KEY,
    user_id BIGINT NOT NULL
);
