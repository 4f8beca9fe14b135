CREATE TABLE orders (
    order_no VARCHAR(20) PRIMARY KEY,
    total DECIMAL(10,2) NOT NULL
);
