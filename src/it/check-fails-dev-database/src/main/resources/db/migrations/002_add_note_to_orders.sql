-- orders is created by no migration: the server refuses this.
ALTER TABLE orders ADD COLUMN note VARCHAR(255) NULL;
