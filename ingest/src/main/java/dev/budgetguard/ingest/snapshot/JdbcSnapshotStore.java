package dev.budgetguard.ingest.snapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code budget_snapshot*} tables of migration V4. */
final class JdbcSnapshotStore implements SnapshotStore {

    private final JdbcClient jdbc;

    JdbcSnapshotStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long latestId() {
        return jdbc.sql("SELECT COALESCE(max(id), 0) FROM budget_snapshot")
                .query(Long.class)
                .single();
    }

    @Override
    public Optional<BudgetSnapshot> load(long id) {
        Optional<Instant> asOf = jdbc.sql("SELECT as_of FROM budget_snapshot WHERE id = ?")
                .param(id)
                .query((row, n) -> row.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
        if (asOf.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> watermarks = new HashMap<>();
        jdbc.sql("SELECT node_id, last_sequence FROM budget_snapshot_watermark WHERE snapshot_id = ?")
                .param(id)
                .query(row -> {
                    watermarks.put(row.getString(1), row.getLong(2));
                });
        Map<BudgetSnapshot.WindowKey, BigDecimal> spent = new HashMap<>();
        jdbc.sql("SELECT budget_id, window_start, spent_usd FROM budget_snapshot_spend WHERE snapshot_id = ?")
                .param(id)
                .query(row -> {
                    spent.put(
                            new BudgetSnapshot.WindowKey(
                                    row.getString(1),
                                    row.getObject(2, OffsetDateTime.class).toInstant()),
                            row.getBigDecimal(3));
                });
        return Optional.of(new BudgetSnapshot(id, asOf.get(), watermarks, spent));
    }
}
