-- Categories reference each other; the bulk load inserts children before parents.
SET FOREIGN_KEY_CHECKS = 0;

INSERT INTO categories (id, parent_id, name) VALUES
    (11, 10, 'Laptops'),
    (10, NULL, 'Computers');

SET FOREIGN_KEY_CHECKS = 1;
