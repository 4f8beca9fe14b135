-- Seed 001, "Managing Indexes"
CREATE INDEX idx_email ON users (email);
CREATE UNIQUE INDEX idx_unique_slug ON posts (slug);
CREATE INDEX idx_user_status ON orders (user_id, status);
DROP INDEX idx_age ON users;
ALTER TABLE posts DROP INDEX idx_unique_slug, ADD UNIQUE INDEX uq_posts_slug (slug);
