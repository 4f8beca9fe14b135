-- Seed 001, "Foreign Keys (IMPORTANT - Match Types Exactly)": users.id is BIGINT, so orders.user_id is BIGINT.
ALTER TABLE orders ADD COLUMN user_id BIGINT NULL;

ALTER TABLE orders
    ADD CONSTRAINT orders_user_fk
    FOREIGN KEY (user_id) REFERENCES users(id)
    ON DELETE CASCADE;
