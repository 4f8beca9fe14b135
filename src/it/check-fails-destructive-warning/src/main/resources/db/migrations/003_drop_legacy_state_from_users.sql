ALTER TABLE users ADD COLUMN legacy_state VARCHAR(20) NULL;
ALTER TABLE users DROP COLUMN legacy_state;
