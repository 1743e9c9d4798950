package dev.budgetguard.ingest.admission;

import dev.budgetguard.schemas.budget.BudgetWindow;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A newer budget snapshot as the ledger applies it: the lake's spend per budget window up to the snapshot's watermark,
 * and how much of this node's own settled spend that watermark newly covers (so it leaves the node's local total and
 * counts once). Both are read while a tenant's book is rebuilt, possibly more than once, so they must be pure reads.
 */
public interface SnapshotSpend {

    /** The snapshot's spend of the budget window starting at {@code windowStart}, or {@code null} without a row. */
    BigDecimal spentUsd(String budgetId, Instant windowStart);

    /** This node's settled spend of the tenant in {@code window} in segments this snapshot covers, the last did not. */
    BigDecimal newlyCoveredUsd(String tenantId, BudgetWindow window);
}
