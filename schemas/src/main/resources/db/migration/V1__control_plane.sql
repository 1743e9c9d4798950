-- Tenants and their API keys. Keys are stored only as a SHA-256 hash plus a short display prefix.
CREATE TABLE tenant (
    id                 VARCHAR(64)  NOT NULL PRIMARY KEY,
    rate_limit_per_min INTEGER      NOT NULL DEFAULT 0,
    tokens_per_min     BIGINT       NOT NULL DEFAULT 0,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at         TIMESTAMP WITH TIME ZONE
);

CREATE TABLE api_key (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    tenant_id    VARCHAR(64)  NOT NULL REFERENCES tenant (id),
    name         VARCHAR(200) NOT NULL,
    prefix       VARCHAR(16)  NOT NULL,
    key_hash     VARCHAR(64)  NOT NULL UNIQUE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX api_key_tenant ON api_key (tenant_id);
