-- BudgetGuard analyst views over the Parquet lake (DuckDB 2.0 or newer).
--
-- The lake is Hive-partitioned: <lake>/usage/date=YYYY-MM-DD/part-<segment>.parquet, one row per request, columns as
-- in schemas/.../usage-row.parquet-schema plus the `date` partition (the UTC date of created_at).
--
-- Running it with only the DuckDB CLI, from the project root (the default lake is data/lake, relative to the working
-- directory):
--
--   duckdb -init reports/sql/views.sql                                           # default lake
--   duckdb -init reports/sql/views.sql -cmd "SET VARIABLE lake = '/srv/bg/lake'"  # another lake
--
-- or inside an open `duckdb` session:
--
--   SET VARIABLE lake = '/srv/bg/lake';
--   .read reports/sql/views.sql
--   SELECT * FROM daily_spend WHERE day = DATE '2026-11-30' ORDER BY cost_usd DESC;
--
-- or in one shot from a script:
--
--   printf "SET VARIABLE lake = '/srv/bg/lake';\n.read reports/sql/views.sql\nFROM daily_spend LIMIT 5;\n" | duckdb
--
-- Nothing is copied: every view reads the Parquet files when it is queried, through getvariable('lake'). So
-- `SET VARIABLE lake = '...'` after reading this file re-points all views without reading it again, and files the
-- nightly rollup adds show up in the next query.
--
-- An empty lake (no directory yet, or no part files) is not an error: the views exist and return no rows. DuckDB
-- would fail on an empty glob ("No files found that match the pattern"), even at CREATE VIEW, so `usage` reads with
-- allow_empty=true and pins the contract columns with a typed empty branch; `lake_usage_files()` says how many part
-- files the views see (the Java side uses it to say "the lake at <path> has no usage yet" instead of an empty report).
--
-- Money is DECIMAL all the way: cost_usd is DECIMAL(18,12) per row and its sums are DECIMAL(38,12). Do not cast it to
-- DOUBLE. Timestamps are TIMESTAMPTZ (instants); the CLI shows them in the session's TimeZone (SET TimeZone = 'UTC').

SET VARIABLE lake = COALESCE(getvariable('lake'), 'data/lake');

-- The glob every view reads; same layout as dev.budgetguard.schemas.lake.LakeLayout.
CREATE OR REPLACE MACRO lake_usage_glob() AS getvariable('lake') || '/usage/date=*/part-*.parquet';

CREATE OR REPLACE MACRO lake_usage_files() AS (SELECT count(*) FROM glob(lake_usage_glob()));

-- Every usage row, every column. union_by_name lets files written before a column was added still be read (the new
-- column is NULL there). The typed empty branch keeps the contract's columns and types when there are no files; it
-- must list the columns of usage-row.parquet-schema exactly (a test in the reports module checks that).
CREATE OR REPLACE VIEW usage AS
SELECT COLUMNS(lambda c: c <> 'empty')
FROM (
    SELECT *
    FROM (
        SELECT
            NULL::VARCHAR        AS request_id,
            NULL::VARCHAR        AS tenant_id,
            NULL::VARCHAR        AS provider,
            NULL::VARCHAR        AS route,
            NULL::VARCHAR        AS model,
            NULL::BOOLEAN        AS stream,
            NULL::VARCHAR        AS status,
            NULL::INTEGER        AS http_status,
            NULL::VARCHAR        AS error_code,
            NULL::TIMESTAMPTZ    AS created_at,
            NULL::TIMESTAMPTZ    AS completed_at,
            NULL::BIGINT         AS input_tokens,
            NULL::BIGINT         AS cached_input_tokens,
            NULL::BIGINT         AS cache_write_5m_tokens,
            NULL::BIGINT         AS cache_write_1h_tokens,
            NULL::BIGINT         AS output_tokens,
            NULL::BIGINT         AS reasoning_tokens,
            NULL::DECIMAL(18,12) AS cost_usd,
            NULL::VARCHAR        AS cost_status,
            NULL::VARCHAR        AS price_version,
            NULL::BIGINT         AS upstream_latency_us,
            NULL::VARCHAR        AS segment_id,
            NULL::VARCHAR        AS service_tier,
            NULL::BOOLEAN        AS batch,
            NULL::DATE           AS date
    ) AS contract
    WHERE false
    UNION ALL BY NAME
    SELECT *
    FROM read_parquet(
        lake_usage_glob(),
        hive_partitioning = true,
        hive_types = {'date': DATE},
        union_by_name = true,
        allow_empty = true)
);

-- The audit ledger of SECURITY.md: every request, refusals included, under the names its audit query uses.
--   SELECT tenant_id, model, input_tokens, output_tokens, cost_usd, created_at FROM "UsageLedger"
--   WHERE tenant_id = 'x' AND created_at > NOW() - INTERVAL '1 hour' ORDER BY created_at DESC;
-- cost_usd is NULL when the model had no price (unknown, not $0) and 0 when nothing was billable.
CREATE OR REPLACE VIEW "UsageLedger" AS
SELECT
    tenant_id,
    model,
    input_tokens,
    output_tokens,
    cost_usd,
    created_at,
    request_id,
    provider,
    route,
    stream,
    status,
    http_status,
    error_code,
    completed_at,
    cached_input_tokens,
    cache_write_5m_tokens,
    cache_write_1h_tokens,
    reasoning_tokens,
    cost_status,
    price_version,
    upstream_latency_us,
    service_tier,
    batch
FROM usage;

-- Spend per UTC day, tenant and model. Refusals (status 'rejected') are left out: they were never forwarded, cost
-- nothing, and their tenant is only the one the caller claimed. cost_usd adds up the known costs (priced and
-- estimated); unpriced_requests counts rows whose cost is unknown, so a nonzero count means the true spend is higher.
CREATE OR REPLACE VIEW daily_spend AS
SELECT
    date                                                   AS day,
    tenant_id,
    provider,
    model,
    count(*)                                               AS requests,
    sum(input_tokens)::BIGINT                              AS input_tokens,
    sum(cached_input_tokens)::BIGINT                       AS cached_input_tokens,
    sum(output_tokens)::BIGINT                             AS output_tokens,
    sum(reasoning_tokens)::BIGINT                          AS reasoning_tokens,
    COALESCE(sum(cost_usd), 0)::DECIMAL(38,12)             AS cost_usd,
    count(*) FILTER (WHERE cost_status = 'unpriced')       AS unpriced_requests,
    count(*) FILTER (WHERE cost_status = 'estimated')      AS estimated_requests,
    count(*) FILTER (WHERE status <> 'ok')                 AS failed_requests
FROM usage
WHERE status <> 'rejected'
GROUP BY date, tenant_id, provider, model;

-- Spend per tenant and model over the half-open instant range [from_at, until_at), with the same rules as
-- daily_spend. The spend report of the CLI runs exactly this. Example, November 2026 in UTC:
--   SELECT * FROM spend_between(TIMESTAMPTZ '2026-11-01 00:00:00+00', TIMESTAMPTZ '2026-12-01 00:00:00+00');
-- The date condition only narrows the files read; created_at decides.
CREATE OR REPLACE MACRO spend_between(from_at, until_at) AS TABLE
SELECT
    tenant_id,
    model,
    count(*)                                               AS requests,
    sum(input_tokens)::BIGINT                              AS input_tokens,
    sum(cached_input_tokens)::BIGINT                       AS cached_input_tokens,
    sum(output_tokens)::BIGINT                             AS output_tokens,
    COALESCE(sum(cost_usd), 0)::DECIMAL(38,12)             AS cost_usd,
    count(*) FILTER (WHERE cost_status = 'unpriced')       AS unpriced_requests
FROM usage
WHERE status <> 'rejected'
  AND created_at >= from_at
  AND created_at < until_at
  AND date BETWEEN (from_at::TIMESTAMPTZ AT TIME ZONE 'UTC')::DATE AND (until_at::TIMESTAMPTZ AT TIME ZONE 'UTC')::DATE
GROUP BY tenant_id, model
ORDER BY tenant_id, model;
