package dev.budgetguard.ingest.alerts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link AlertStore} on the V4 {@code alert_event} table; its primary key (budget, window, threshold) is the dedupe. */
final class JdbcAlertStore implements AlertStore {

    private final JdbcClient jdbc;

    JdbcAlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(AlertEvent event) {
        try {
            jdbc.sql("INSERT INTO alert_event (budget_id, window_start, threshold, tenant_id, spent_usd, limit_usd,"
                            + " crossed_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 0)")
                    .params(
                            event.budgetId(),
                            utc(event.window().start()),
                            event.threshold(),
                            event.tenantId(),
                            event.spentUsd(),
                            event.limitUsd(),
                            utc(event.crossedAt()))
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    @Override
    public void attempted(AlertEvent event, int attempts, Instant deliveredAt) {
        jdbc.sql("UPDATE alert_event SET attempts = ?, delivered_at = ?"
                        + " WHERE budget_id = ? AND window_start = ? AND threshold = ?")
                .params(
                        attempts,
                        deliveredAt == null ? null : utc(deliveredAt),
                        event.budgetId(),
                        utc(event.window().start()),
                        event.threshold())
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
