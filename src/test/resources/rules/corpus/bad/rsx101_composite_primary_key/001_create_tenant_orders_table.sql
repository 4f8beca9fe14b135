CREATE TABLE tenant_orders (
    id BIGINT NOT NULL AUTO_INCREMENT,
    tenant_id BIGINT NOT NULL,
    PRIMARY KEY (id, tenant_id)
);
