package dev.budgetguard.jobs.budgets;

import dev.budgetguard.reports.lake.DuckDbLake;
import dev.budgetguard.schemas.budget.BudgetWindow;
import dev.budgetguard.schemas.budget.CapSpend;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lake's cap spend through DuckDB: {@code sum(cost_usd)} of rows whose {@code cost_status} counts, created in the
 * window, and rolled from a segment the watermark covers (node prefix of {@code segment_id}, sequence at most the
 * node's last one). One session per job run.
 */
final class LakeSpend implements AutoCloseable {

    private static final String COUNTED = "cost_status IN " + CapSpend.COUNTED_STATUSES_SQL;
    private static final String NODE = "left(segment_id, length(segment_id) - 13)";
    private static final String SEQUENCE = "CAST(right(segment_id, 12) AS BIGINT)";

    private final DuckDbLake lake;
    private final String covered;
    private final List<Object> coveredParams = new ArrayList<>();

    LakeSpend(Path root, Map<String, Long> watermarks) {
        this.lake = DuckDbLake.open(root);
        List<String> nodes = new ArrayList<>();
        watermarks.forEach((node, last) -> {
            nodes.add("(" + NODE + " = ? AND " + SEQUENCE + " <= ?)");
            coveredParams.add(node);
            coveredParams.add(last);
        });
        this.covered = nodes.isEmpty() ? "false" : "(" + String.join(" OR ", nodes) + ")";
    }

    /** Covered spend per tenant and 15-minute bucket over {@code span}. */
    BucketSums buckets(BudgetWindow span) {
        BucketSums sums = new BucketSums();
        String sql = "SELECT tenant_id, (epoch_us(created_at) // 900000000) * 900 AS bucket, sum(cost_usd)"
                + " FROM usage WHERE " + where() + " GROUP BY tenant_id, bucket";
        lake.select(
                sql,
                row -> {
                    sums.add(row.getString(1), row.getLong(2), row.getBigDecimal(3));
                    return null;
                },
                params(span, null));
        return sums;
    }

    /** Covered spend of one tenant in one window, to the microsecond. */
    BigDecimal exact(String tenantId, BudgetWindow window) {
        String sql = "SELECT COALESCE(sum(cost_usd), 0) FROM usage WHERE " + where() + " AND tenant_id = ?";
        return lake.select(sql, row -> row.getBigDecimal(1), params(window, tenantId))
                .get(0);
    }

    private String where() {
        return COUNTED + " AND \"date\" BETWEEN ? AND ? AND created_at >= ? AND created_at < ? AND " + covered;
    }

    private Object[] params(BudgetWindow window, String tenantId) {
        List<Object> params = new ArrayList<>();
        params.add(LocalDate.ofInstant(window.start(), ZoneOffset.UTC));
        params.add(LocalDate.ofInstant(window.end(), ZoneOffset.UTC));
        params.add(window.start());
        params.add(window.end());
        params.addAll(coveredParams);
        if (tenantId != null) {
            params.add(tenantId);
        }
        return params.toArray();
    }

    @Override
    public void close() {
        lake.close();
    }
}
