package dev.budgetguard.reports.lake;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes a small usage lake for tests with DuckDB itself (no Parquet or Hadoop dependency), in the lake's layout and
 * with the physical types of {@code usage-row.parquet-schema}: TIMESTAMPTZ becomes INT64 TIMESTAMP(MICROS, UTC),
 * DECIMAL(18,12) becomes INT64 DECIMAL.
 */
public final class LakeFixture {

    private static final String STAGING_TABLE = """
            CREATE TABLE staged (
                request_id VARCHAR NOT NULL, tenant_id VARCHAR NOT NULL, provider VARCHAR NOT NULL,
                route VARCHAR NOT NULL, model VARCHAR, stream BOOLEAN NOT NULL, status VARCHAR NOT NULL,
                http_status INTEGER NOT NULL, error_code VARCHAR, created_at TIMESTAMPTZ NOT NULL,
                completed_at TIMESTAMPTZ, input_tokens BIGINT NOT NULL, cached_input_tokens BIGINT NOT NULL,
                cache_write_5m_tokens BIGINT NOT NULL, cache_write_1h_tokens BIGINT NOT NULL,
                output_tokens BIGINT NOT NULL, reasoning_tokens BIGINT NOT NULL, cost_usd DECIMAL(18,12),
                cost_status VARCHAR NOT NULL, price_version VARCHAR, upstream_latency_us BIGINT NOT NULL,
                segment_id VARCHAR NOT NULL, service_tier VARCHAR, batch BOOLEAN)""";

    private LakeFixture() {}

    /** One usage row; the columns a test does not care about get plain defaults. */
    public record Row(
            String requestId,
            String tenantId,
            String model,
            String status,
            Instant createdAt,
            long inputTokens,
            long cachedInputTokens,
            long outputTokens,
            BigDecimal costUsd,
            String costStatus) {

        public Row {
            createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        }

        public static Row ok(String id, String tenant, String model, Instant at, long in, long out, String cost) {
            return new Row(id, tenant, model, "ok", at, in, 0, out, new BigDecimal(cost), "priced");
        }

        public static Row unpriced(String id, String tenant, String model, Instant at, long in, long out) {
            return new Row(id, tenant, model, "ok", at, in, 0, out, null, "unpriced");
        }

        public static Row refusal(String id, String tenant, Instant at) {
            return new Row(id, tenant, null, "rejected", at, 0, 0, 0, BigDecimal.ZERO, "none");
        }

        public Row cached(long tokens) {
            return new Row(
                    requestId,
                    tenantId,
                    model,
                    status,
                    createdAt,
                    inputTokens,
                    tokens,
                    outputTokens,
                    costUsd,
                    costStatus);
        }
    }

    /**
     * Writes {@code rows} as one part file per UTC date, {@code usage/date=YYYY-MM-DD/part-<segment>-0.parquet}, next
     * to whatever the lake already holds.
     *
     * @param omitted columns left out of these files, as files written before those columns existed would be
     */
    public static void write(Path lake, String segment, List<Row> rows, String... omitted) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = db.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute(STAGING_TABLE);
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO staged VALUES (?, ?, 'openai', '/v1/chat/completions', ?, false, ?, ?, NULL, ?, ?,"
                            + " ?, ?, 0, 0, ?, 0, ?, ?, NULL, 1000, ?, NULL, false)")) {
                for (Row row : rows) {
                    OffsetDateTime at = OffsetDateTime.ofInstant(row.createdAt(), ZoneOffset.UTC);
                    insert.setString(1, row.requestId());
                    insert.setString(2, row.tenantId());
                    insert.setString(3, row.model());
                    insert.setString(4, row.status());
                    insert.setInt(5, row.status().equals("rejected") ? 401 : 200);
                    insert.setObject(6, at);
                    insert.setObject(7, at.plusSeconds(1));
                    insert.setLong(8, row.inputTokens());
                    insert.setLong(9, row.cachedInputTokens());
                    insert.setLong(10, row.outputTokens());
                    insert.setBigDecimal(11, row.costUsd());
                    insert.setString(12, row.costStatus());
                    insert.setString(13, segment);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            String exclude = omitted.length == 0 ? "" : " EXCLUDE (" + String.join(", ", omitted) + ")";
            statement.execute(
                    "COPY (SELECT *" + exclude + ", (created_at AT TIME ZONE 'UTC')::DATE AS date FROM staged)"
                            + " TO '" + lake.resolve("usage") + "' (FORMAT parquet, PARTITION_BY (date),"
                            + " FILENAME_PATTERN 'part-" + segment + "-{i}', OVERWRITE_OR_IGNORE)");
        }
    }
}
