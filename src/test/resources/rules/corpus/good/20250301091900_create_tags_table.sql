CREATE TABLE IF NOT EXISTS tags (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    slug VARCHAR(100) NOT NULL,
    uses BIGINT NOT NULL DEFAULT 0,
    UNIQUE KEY uq_tags_slug (slug)
);

INSERT INTO tags (name, slug) VALUES ('News', 'news'), ('Releases', 'releases')
    ON DUPLICATE KEY UPDATE name = VALUES(name);

INSERT IGNORE INTO tags (name, slug) VALUES ('Guides', 'guides');
