CREATE TABLE countries (
    id BIGINT NOT NULL AUTO_INCREMENT,
    code CHAR(2) NOT NULL,
    PRIMARY KEY (code),
    UNIQUE KEY uq_countries_id (id)
);
