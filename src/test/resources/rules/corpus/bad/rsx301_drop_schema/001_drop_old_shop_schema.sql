-- gone
DROP SCHEMA old_shop;
