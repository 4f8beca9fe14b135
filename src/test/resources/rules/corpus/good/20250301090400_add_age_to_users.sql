-- Seed 001, "Adding Columns"
ALTER TABLE users ADD COLUMN age BIGINT NULL AFTER email;
ALTER TABLE users ADD INDEX idx_age (age);
