-- sessions keyed by a UUID
CREATE TABLE sessions (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    payload TEXT
);
