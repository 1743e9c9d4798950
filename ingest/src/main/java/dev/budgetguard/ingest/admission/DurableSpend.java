package dev.budgetguard.ingest.admission;

import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetWindow;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * How durable spend (a snapshot's baseline, this node's spool past its watermark) enters one budget's tally. Kept
 * apart from the admission arithmetic in {@link TenantBook}; every method returns the tally to publish.
 */
final class DurableSpend {

    private DurableSpend() {}

    /** The baseline's window rebased, a later one started fresh, an earlier one ignored. */
    static WindowTally rebased(Budget budget, WindowTally tally, SpendBaseline baseline) {
        BudgetWindow window = budget.window(baseline.windowStart()).orElse(null);
        if (window == null || !window.start().equals(baseline.windowStart())) {
            throw new IllegalArgumentException("windowStart: " + baseline.windowStart() + " does not start a window of "
                    + "budget " + baseline.budgetId());
        }
        if (tally != null && tally.window().equals(window)) {
            return tally.rebase(baseline.spentUsd(), baseline.coveredLocalUsd());
        }
        if (tally == null || tally.window().start().isBefore(window.start())) {
            return new WindowTally(window, baseline.spentUsd(), BigDecimal.ZERO, BigDecimal.ZERO);
        }
        return tally;
    }

    /**
     * The snapshot applied to the window containing {@code at}. A tally of that window keeps its holds and gives up
     * the newly covered local spend; without a row for it, that spend moves into its baseline (the lake has it now,
     * and the snapshot that first names the budget will count it). A window not tracked yet starts from the row.
     */
    static WindowTally snapshotApplied(
            String tenantId, Budget budget, WindowTally tally, SnapshotSpend snapshot, Instant at) {
        BudgetWindow window = budget.window(at).orElse(null);
        if (window == null || (tally != null && tally.window().start().isAfter(window.start()))) {
            return tally;
        }
        BigDecimal row = snapshot.spentUsd(budget.id(), window.start());
        if (tally == null || !tally.window().equals(window)) {
            return row == null ? tally : new WindowTally(window, row, BigDecimal.ZERO, BigDecimal.ZERO);
        }
        BigDecimal covered = snapshot.newlyCoveredUsd(tenantId, window);
        BigDecimal base = row != null ? row : tally.baseUsd().add(covered);
        return tally.rebase(base, covered);
    }

    /** The window containing {@code at} set to the seed, keeping holds already in it; null when inactive then. */
    static WindowTally seed(Budget budget, WindowTally tally, WindowSeeder seeder, Instant at) {
        BudgetWindow window = budget.window(at).orElse(null);
        if (window == null) {
            return null;
        }
        WindowSeeder.Seed seed = seeder.seed(budget, window);
        BigDecimal reserved = tally != null && tally.window().equals(window) ? tally.reservedUsd() : BigDecimal.ZERO;
        return new WindowTally(window, seed.baseUsd(), seed.localUsd(), reserved);
    }
}
