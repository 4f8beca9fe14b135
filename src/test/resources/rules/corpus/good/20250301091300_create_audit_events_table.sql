-- Partitioned by id: MySQL wants the partitioning column in every unique key, and id is the only one.
CREATE TABLE audit_events (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id BIGINT NULL,
    action VARCHAR(64) NOT NULL,
    payload JSON NULL,
    happened_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY idx_audit_user (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
PARTITION BY RANGE (id) (
    PARTITION p0 VALUES LESS THAN (10000000),
    PARTITION p1 VALUES LESS THAN (20000000),
    PARTITION p_max VALUES LESS THAN MAXVALUE
);

CREATE TABLE page_views (
    id BIGINT NOT NULL AUTO_INCREMENT,
    post_id BIGINT NOT NULL,
    viewed_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    KEY idx_page_views_post (post_id)
)
PARTITION BY HASH (id) PARTITIONS 8;
