-- the buyer, when not the user
ALTER TABLE orders ADD COLUMN buyer_id BIGINT UNSIGNED NULL;
