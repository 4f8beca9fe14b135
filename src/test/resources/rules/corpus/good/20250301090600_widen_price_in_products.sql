-- Seed 001, "Modifying Columns": a wider type, and a default.
ALTER TABLE products MODIFY COLUMN price DECIMAL(12,2) NOT NULL DEFAULT 0.00;
ALTER TABLE posts ALTER COLUMN status SET DEFAULT 'draft';
ALTER TABLE users MODIFY username VARCHAR(191) NULL;
