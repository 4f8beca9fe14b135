-- rsx:allow RSX101 staging table, dropped by the import job
CREATE TABLE import_staging (
    line_no INT NOT NULL,
    payload TEXT NULL
);
