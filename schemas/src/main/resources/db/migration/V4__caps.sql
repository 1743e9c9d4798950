-- Hard caps: budgets, the nightly budget snapshot with its watermark, key lifecycle, audit log and alert events.
-- Portable SQL (H2 and PostgreSQL); money is exact DECIMAL, times are instants.

-- A tenant's budgets. Custom periods are local dates [custom_start, custom_end) in time_zone; recurring periods leave
-- them NULL. A deleted budget keeps its row (deleted_at) so snapshots and alerts that name it stay explainable.
CREATE TABLE budget (
    id           VARCHAR(36)     NOT NULL PRIMARY KEY,
    tenant_id    VARCHAR(64)     NOT NULL REFERENCES tenant (id),
    period       VARCHAR(16)     NOT NULL,
    custom_start DATE,
    custom_end   DATE,
    limit_usd    DECIMAL(24, 12) NOT NULL,
    time_zone    VARCHAR(64)     NOT NULL,
    thresholds   VARCHAR(64)     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at   TIMESTAMP WITH TIME ZONE
);

CREATE INDEX budget_tenant ON budget (tenant_id);

-- One computed budget snapshot: the lake's spend per budget window, covering exactly the spool segments named in
-- budget_snapshot_watermark. Only the newest snapshot (highest id) is in force; older ones are kept for explanation.
CREATE TABLE budget_snapshot (
    id               BIGINT   NOT NULL PRIMARY KEY,
    computed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    as_of            TIMESTAMP WITH TIME ZONE NOT NULL,
    job_execution_id BIGINT
);

-- Per spool node, the highest segment sequence the snapshot covers: every segment of that node with a sequence up to
-- and including last_sequence is in the snapshot's spend, none after it. A node absent here is covered not at all.
CREATE TABLE budget_snapshot_watermark (
    snapshot_id   BIGINT      NOT NULL REFERENCES budget_snapshot (id),
    node_id       VARCHAR(64) NOT NULL,
    last_sequence BIGINT      NOT NULL,
    PRIMARY KEY (snapshot_id, node_id)
);

-- Spend of one budget window in a snapshot: sum of the lake's cost_usd (priced, estimated) over rows created in
-- [window_start, window_end) and rolled from covered segments.
CREATE TABLE budget_snapshot_spend (
    snapshot_id  BIGINT          NOT NULL REFERENCES budget_snapshot (id),
    budget_id    VARCHAR(36)     NOT NULL,
    tenant_id    VARCHAR(64)     NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    window_end   TIMESTAMP WITH TIME ZONE NOT NULL,
    spent_usd    DECIMAL(24, 12) NOT NULL,
    PRIMARY KEY (snapshot_id, budget_id, window_start)
);

-- Key rotation: an old key stays valid until expires_at (the grace); NULL = no expiry.
ALTER TABLE api_key ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;

-- Admin actions, append-only. Never a key, a key hash or a request body: the target is an id.
CREATE TABLE audit_log (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    target_type VARCHAR(32)  NOT NULL,
    target_id   VARCHAR(200) NOT NULL,
    detail      VARCHAR(1000)
);

CREATE INDEX audit_log_time ON audit_log (occurred_at);

-- Budget threshold crossings: at most one per budget window per threshold, across nodes and restarts (the primary
-- key is the dedupe). delivered_at is set once the webhook accepted it.
CREATE TABLE alert_event (
    budget_id    VARCHAR(36) NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    threshold    INTEGER     NOT NULL,
    tenant_id    VARCHAR(64) NOT NULL,
    spent_usd    DECIMAL(24, 12) NOT NULL,
    limit_usd    DECIMAL(24, 12) NOT NULL,
    crossed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at TIMESTAMP WITH TIME ZONE,
    attempts     INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (budget_id, window_start, threshold)
);
