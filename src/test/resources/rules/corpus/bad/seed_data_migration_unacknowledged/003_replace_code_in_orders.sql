-- Seed 001's "Data Migrations" example as written there
ALTER TABLE orders ADD COLUMN code_new VARCHAR(255);
UPDATE orders SET code_new = UPPER(code);
ALTER TABLE orders DROP COLUMN code;
ALTER TABLE orders CHANGE code_new code VARCHAR(255);
