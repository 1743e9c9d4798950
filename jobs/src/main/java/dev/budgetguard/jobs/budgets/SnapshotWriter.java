package dev.budgetguard.jobs.budgets;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes one budget snapshot (header, watermark, spend rows) into the V4 tables. Called in the step's transaction, so
 * collectors see the whole snapshot or none of it; the new id is one above the highest, and a concurrent run that took
 * it fails on the primary key and is rerun.
 */
final class SnapshotWriter {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SnapshotWriter(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long write(
            Instant computedAt,
            Instant asOf,
            long jobExecutionId,
            Map<String, Long> watermarks,
            List<WindowSpend> rows) {
        long id = jdbc.sql("SELECT COALESCE(max(id), 0) + 1 FROM budget_snapshot")
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO budget_snapshot (id, computed_at, as_of, job_execution_id) VALUES (?, ?, ?, ?)")
                .params(id, utc(computedAt), utc(asOf), jobExecutionId)
                .update();
        List<Object[]> marks = new ArrayList<>();
        watermarks.forEach((node, last) -> marks.add(new Object[] {id, node, last}));
        template.batchUpdate(
                "INSERT INTO budget_snapshot_watermark (snapshot_id, node_id, last_sequence) VALUES (?, ?, ?)", marks);
        List<Object[]> spend = new ArrayList<>();
        for (WindowSpend row : rows) {
            spend.add(new Object[] {
                id,
                row.budgetId(),
                row.tenantId(),
                utc(row.window().start()),
                utc(row.window().end()),
                row.spentUsd()
            });
        }
        template.batchUpdate(
                "INSERT INTO budget_snapshot_spend"
                        + " (snapshot_id, budget_id, tenant_id, window_start, window_end, spent_usd)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                spend);
        return id;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
