ALTER TABLE users
    DROP COLUMN note;
