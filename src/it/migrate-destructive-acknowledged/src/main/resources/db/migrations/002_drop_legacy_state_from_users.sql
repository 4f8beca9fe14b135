-- rsx:allow-destructive dropped after the 4.2 release
ALTER TABLE users DROP COLUMN legacy_state;
