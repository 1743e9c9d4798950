package dev.budgetguard.ingest.alerts;

import dev.budgetguard.schemas.budget.BudgetWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One threshold crossing: budget {@code budgetId}'s spend in {@code window} reached {@code threshold}% of its limit. */
record AlertEvent(
        String budgetId,
        String tenantId,
        BudgetWindow window,
        int threshold,
        BigDecimal spentUsd,
        BigDecimal limitUsd,
        Instant crossedAt) {

    AlertEvent {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(spentUsd, "spentUsd");
        Objects.requireNonNull(limitUsd, "limitUsd");
        Objects.requireNonNull(crossedAt, "crossedAt");
        if (threshold < 1 || threshold > 100) {
            throw new IllegalArgumentException("threshold: must be a percent in 1..100, was " + threshold);
        }
    }
}
