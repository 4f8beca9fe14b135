SET FOREIGN_KEY_CHECKS = 0;
INSERT INTO orders (user_id, code) VALUES (42, 'A-1');
