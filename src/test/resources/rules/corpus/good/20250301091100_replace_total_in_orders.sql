-- The second half of seed 001's data migration: the old column goes, the new one takes its name.
-- rsx:allow-destructive total_new holds every total since 20250301091000; nothing reads total any more
ALTER TABLE orders DROP COLUMN total;

ALTER TABLE orders CHANGE total_new total DECIMAL(12,2); -- rsx:allow-destructive total was dropped just above, readers keep the name
