CREATE TABLE legacy_orders_copy LIKE legacy_orders;
