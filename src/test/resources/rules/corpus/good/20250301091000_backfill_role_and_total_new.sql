-- Seed 001, "Data Migrations", every UPDATE with the WHERE that selects its rows.
UPDATE users SET role = 'member' WHERE role IS NULL;

ALTER TABLE orders ADD COLUMN total_new DECIMAL(12,2);
UPDATE orders SET total_new = quantity * price WHERE total_new IS NULL;
DELETE FROM orders WHERE status = 'test' AND created_at < '2025-01-01';
