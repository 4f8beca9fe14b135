-- Orders are keyed by their number.
CREATE TABLE orders (
    order_no VARCHAR(20) PRIMARY KEY,
    placed_at DATETIME NOT NULL
);
