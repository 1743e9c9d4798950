package dev.budgetguard.reports.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.budgetguard.reports.lake.LakeFixture.Row;
import dev.budgetguard.schemas.lake.LakeLayout;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbLakeIT {

    /** The audit query of SECURITY.md, character for character except the tenant. */
    private static final String AUDIT_QUERY = """
            SELECT
              tenant_id,
              model,
              input_tokens,
              output_tokens,
              cost_usd,
              created_at
            FROM "UsageLedger"
            WHERE tenant_id = 'suspicious-tenant'
              AND created_at > NOW() - INTERVAL '1 hour'
            ORDER BY created_at DESC;
            """;

    record AuditRow(String tenant, String model, long input, long output, BigDecimal cost, Instant createdAt) {}

    @TempDir
    Path lake;

    @Test
    void theAuditQueryRunsUnchangedAndReturnsTheLastHourOfOneTenantNewestFirst() throws Exception {
        // given: the tenant's rows inside and outside the last hour (across two UTC dates), a refusal, another tenant
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LakeFixture.write(
                lake,
                "node-000000000001",
                List.of(
                        Row.ok(
                                "r1",
                                "suspicious-tenant",
                                "gpt-4o",
                                now.minus(50, ChronoUnit.MINUTES),
                                1000,
                                200,
                                "0.0045"),
                        Row.ok(
                                "r2",
                                "suspicious-tenant",
                                "gpt-4.1",
                                now.minus(5, ChronoUnit.MINUTES),
                                3000,
                                10,
                                "0.00608"),
                        Row.refusal("r3", "suspicious-tenant", now.minus(20, ChronoUnit.MINUTES)),
                        Row.ok("r4", "suspicious-tenant", "gpt-4o", now.minus(61, ChronoUnit.MINUTES), 9, 9, "0.1"),
                        Row.ok("r5", "suspicious-tenant", "gpt-4o", now.minus(26, ChronoUnit.HOURS), 9, 9, "0.1"),
                        Row.unpriced(
                                "r6", "suspicious-tenant", "gpt-4.5-preview", now.minus(1, ChronoUnit.MINUTES), 7, 3),
                        Row.ok("r7", "other-tenant", "gpt-4o", now.minus(2, ChronoUnit.MINUTES), 1, 1, "0.00001")));

        // when
        List<AuditRow> rows;
        try (DuckDbLake session = DuckDbLake.open(lake)) {
            rows = session.select(
                    AUDIT_QUERY,
                    row -> new AuditRow(
                            row.getString(1),
                            row.getString(2),
                            row.getLong(3),
                            row.getLong(4),
                            row.getBigDecimal(5),
                            row.getObject(6, OffsetDateTime.class).toInstant()));
        }

        // then: r6 (unknown cost stays NULL), r2, the refusal r3, r1; nothing older than an hour, no other tenant
        assertThat(rows)
                .extracting(AuditRow::model, AuditRow::input, AuditRow::output, AuditRow::createdAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "gpt-4.5-preview", 7L, 3L, now.minus(1, ChronoUnit.MINUTES)),
                        org.assertj.core.groups.Tuple.tuple("gpt-4.1", 3000L, 10L, now.minus(5, ChronoUnit.MINUTES)),
                        org.assertj.core.groups.Tuple.tuple(null, 0L, 0L, now.minus(20, ChronoUnit.MINUTES)),
                        org.assertj.core.groups.Tuple.tuple("gpt-4o", 1000L, 200L, now.minus(50, ChronoUnit.MINUTES)));
        assertThat(rows).extracting(AuditRow::tenant).containsOnly("suspicious-tenant");
        assertThat(rows.get(0).cost()).isNull();
        assertThat(rows.get(1).cost()).isEqualByComparingTo("0.00608");
        assertThat(rows.get(1).cost().scale()).isEqualTo(12);
        assertThat(rows.get(2).cost()).isEqualByComparingTo("0");
        assertThat(rows.get(3).cost()).isEqualByComparingTo("0.0045");
    }

    @Test
    void anEmptyLakeHasTheViewsWithNoRows() {
        // given: a lake directory the rollup has not written to, and one that does not exist at all
        for (Path root : List.of(lake, lake.resolve("not-there"))) {
            // when
            try (DuckDbLake session = DuckDbLake.open(root)) {
                // then
                assertThat(session.usageFileCount()).isZero();
                assertThat(session.select(AUDIT_QUERY, row -> row.getString(1))).isEmpty();
                assertThat(session.select("SELECT count(*) FROM daily_spend", row -> row.getLong(1)))
                        .containsExactly(0L);
            }
        }
    }

    @Test
    void theUsageViewHasExactlyTheContractColumnsAndTypesEvenWithoutFiles() {
        // given: the Parquet schema of a usage row, as DuckDB types
        List<String> expected = new ArrayList<>(duckDbColumns(LakeLayout.usageRowSchema()));
        expected.add("date DATE");

        // when
        List<String> actual;
        try (DuckDbLake session = DuckDbLake.open(lake)) {
            actual = session.select("DESCRIBE usage", row -> row.getString(1) + " " + row.getString(2));
        }

        // then
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void filesWrittenBeforeAColumnExistedAreReadWithThatColumnNull() throws Exception {
        // given: an old part file without reasoning and segment columns, and a new one with them
        Instant at = Instant.parse("2026-11-02T10:00:00Z");
        LakeFixture.write(
                lake,
                "node-000000000001",
                List.of(Row.ok("old", "acme", "gpt-4o", at, 10, 5, "0.000075")),
                "reasoning_tokens",
                "segment_id",
                "service_tier",
                "batch");
        LakeFixture.write(lake, "node-000000000002", List.of(Row.ok("new", "acme", "gpt-4o", at, 20, 5, "0.0001")));

        // when
        List<String> rows;
        try (DuckDbLake session = DuckDbLake.open(lake)) {
            rows = session.select(
                    "SELECT request_id, reasoning_tokens, segment_id, batch FROM usage ORDER BY request_id",
                    row -> row.getString(1) + "|" + row.getObject(2) + "|" + row.getString(3) + "|" + row.getObject(4));
            assertThat(session.usageFileCount()).isEqualTo(2);
        }

        // then
        assertThat(rows).containsExactly("new|0|node-000000000002|false", "old|null|null|null");
    }

    @Test
    void theViewsFileRunsOnItsOwnWithTheDefaultLakeAsTheCliWouldReadIt() throws Exception {
        // given: a bare DuckDB session, no variable set
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = db.createStatement()) {
            // when
            statement.execute(DuckDbLake.viewsSql());

            // then
            try (ResultSet row = statement.executeQuery("SELECT getvariable('lake'), lake_usage_glob()")) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("data/lake");
                assertThat(row.getString(2)).isEqualTo("data/lake/usage/date=*/part-*.parquet");
            }
        }
    }

    @Test
    void aBrokenQueryNamesTheLake() {
        try (DuckDbLake session = DuckDbLake.open(lake)) {
            assertThatThrownBy(() -> session.select("SELECT no_such_column FROM usage", row -> 1))
                    .isInstanceOf(LakeQueryException.class)
                    .hasMessageContaining("query failed: SELECT no_such_column FROM usage")
                    .hasMessageContaining(lake.toAbsolutePath().toString());
        }
    }

    /** Maps {@code required int64 created_at (TIMESTAMP(MICROS,true));} lines to {@code created_at TIMESTAMP ...}. */
    private static List<String> duckDbColumns(String parquetSchema) {
        Pattern field = Pattern.compile("(required|optional) (\\w+) (\\w+)(?: \\((.+)\\))?;");
        List<String> columns = new ArrayList<>();
        for (String line : parquetSchema.lines().map(String::strip).toList()) {
            Matcher m = field.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String physical = m.group(2);
            String logical = m.group(4) == null ? "" : m.group(4);
            String type;
            if (logical.equals("STRING")) {
                type = "VARCHAR";
            } else if (logical.startsWith("TIMESTAMP(MICROS,true)")) {
                type = "TIMESTAMP WITH TIME ZONE";
            } else if (logical.startsWith("DECIMAL")) {
                type = logical;
            } else {
                type = switch (physical) {
                    case "boolean" -> "BOOLEAN";
                    case "int32" -> "INTEGER";
                    case "int64" -> "BIGINT";
                    default -> throw new IllegalStateException("unmapped Parquet type in: " + line);
                };
            }
            columns.add(m.group(3) + " " + type);
        }
        assertThat(columns).as("fields parsed from the Parquet schema").hasSize(24);
        return columns;
    }
}
