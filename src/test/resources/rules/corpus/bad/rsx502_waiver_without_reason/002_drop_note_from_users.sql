-- rsx:allow-destructive
ALTER TABLE users DROP COLUMN note;
