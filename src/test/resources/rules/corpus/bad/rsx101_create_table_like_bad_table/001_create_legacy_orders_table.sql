CREATE TABLE legacy_orders (
    order_no VARCHAR(20) NOT NULL PRIMARY KEY
);
