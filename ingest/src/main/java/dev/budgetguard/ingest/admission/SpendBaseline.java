package dev.budgetguard.ingest.admission;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Spend of one budget window known from durable records: the budget snapshot computed from the lake up to its
 * watermark (plus, after a restart, this node's spool records past that watermark).
 *
 * @param windowStart the start of the window this spend belongs to; spend is kept per window, so a baseline for a
 *     closed window is ignored
 * @param coveredLocalUsd how much of the spend this node settled since the previous baseline the new watermark now
 *     covers; it is taken out of the node's own running total so nothing counts twice (zero on a restart)
 */
public record SpendBaseline(
        String tenantId, String budgetId, Instant windowStart, BigDecimal spentUsd, BigDecimal coveredLocalUsd) {

    public SpendBaseline {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(windowStart, "windowStart");
        requireNonNegative(spentUsd, "spentUsd");
        requireNonNegative(coveredLocalUsd, "coveredLocalUsd");
    }

    /** A baseline that covers none of this node's own spend, as loaded at start. */
    public static SpendBaseline atStart(String tenantId, String budgetId, Instant windowStart, BigDecimal spentUsd) {
        return new SpendBaseline(tenantId, budgetId, windowStart, spentUsd, BigDecimal.ZERO);
    }

    private static void requireNonNegative(BigDecimal amount, String field) {
        Objects.requireNonNull(amount, field);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(field + ": must be >= 0, was " + amount.toPlainString());
        }
    }
}
