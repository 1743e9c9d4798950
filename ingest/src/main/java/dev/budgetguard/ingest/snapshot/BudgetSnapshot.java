package dev.budgetguard.ingest.snapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One budget snapshot as written by the job: the lake's spend per budget window, covering per node the segments up
 * to its watermark.
 *
 * @param watermarks node id to the last segment sequence covered; a node absent is covered not at all
 * @param spent the spend of each budget window the snapshot names
 */
record BudgetSnapshot(long id, Instant asOf, Map<String, Long> watermarks, Map<WindowKey, BigDecimal> spent) {

    /** Nothing covered, nothing spent: what a collector starts from before any job ran. */
    static final BudgetSnapshot NONE = new BudgetSnapshot(0, Instant.EPOCH, Map.of(), Map.of());

    BudgetSnapshot {
        Objects.requireNonNull(asOf, "asOf");
        watermarks = Map.copyOf(watermarks);
        spent = Map.copyOf(spent);
    }

    /** The last covered sequence of {@code nodeId}, or -1 when none of its segments is covered. */
    long lastSequence(String nodeId) {
        return watermarks.getOrDefault(nodeId, -1L);
    }

    BigDecimal spentUsd(String budgetId, Instant windowStart) {
        return spent.get(new WindowKey(budgetId, windowStart));
    }

    /** Names one budget window in a snapshot. */
    record WindowKey(String budgetId, Instant windowStart) {
        WindowKey {
            Objects.requireNonNull(budgetId, "budgetId");
            Objects.requireNonNull(windowStart, "windowStart");
        }
    }
}
