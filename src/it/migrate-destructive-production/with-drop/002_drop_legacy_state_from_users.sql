-- legacy_state is no longer read since release 4.2.
ALTER TABLE users DROP COLUMN legacy_state;
