# A join table keeps its natural key as a UNIQUE index, and id stays the primary key.
CREATE TABLE `post_tags` (
    `id` bigint not null auto_increment primary key,
    `post_id` BIGINT NOT NULL,
    `tag_id` BigInt NOT NULL,
    UNIQUE KEY `uq_post_tags` (`post_id`, `tag_id`),
    CONSTRAINT `fk_post_tags_post` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_post_tags_tag` FOREIGN KEY (`tag_id`) REFERENCES `tags` (`id`) ON DELETE CASCADE
) ENGINE = InnoDB /* utf8mb4 is the default */;

insert into post_tags (post_id, tag_id)
select p.id, t.id from posts p join tags t on t.slug = 'news' where p.status = 'published';

UPDATE tags t SET t.uses = (SELECT COUNT(*) FROM post_tags pt WHERE pt.tag_id = t.id) WHERE t.id > 0;
