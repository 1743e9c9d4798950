package dev.budgetguard.ingest.snapshot;

import dev.budgetguard.ingest.admission.SnapshotSpend;
import dev.budgetguard.ingest.admission.SpendLedger;
import dev.budgetguard.ingest.admission.WindowSeeder;
import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetWindow;
import dev.budgetguard.schemas.spool.UsageLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the ledger's baselines on the newest budget snapshot and this node's spend past its watermark.
 *
 * <p>{@link #start} runs once, after the spool's recovery and before the server takes traffic: it listens to the spool,
 * loads the newest snapshot, rebuilds this node's spend past the watermark from the spool and seeds the ledger with
 * both (budgets the directory loads later are seeded the same way, through {@link WindowSeeder}). {@link #poll} then
 * applies each newer snapshot: its spend becomes the baseline and this node's spend in the segments it newly covers
 * leaves the local part. Applying and seeding exclude each other, so a seed never sees a snapshot half applied.
 */
final class SnapshotFollower implements WindowSeeder {

    private static final Logger log = LoggerFactory.getLogger(SnapshotFollower.class);

    private final SnapshotStore store;
    private final SpendLedger ledger;
    private final LocalSpendIndex index;
    private final SpoolRebuild rebuild;
    private final String nodeId;
    private final Clock clock;
    private volatile BudgetSnapshot current = BudgetSnapshot.NONE;
    /** The spool's spend in the segments {@code current} covers, read only once a window is found without a row. */
    private LocalSpendIndex coveredFallback;

    private boolean warnedMissing;

    SnapshotFollower(
            SnapshotStore store,
            SpendLedger ledger,
            LocalSpendIndex index,
            SpoolRebuild rebuild,
            String nodeId,
            Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.index = index;
        this.rebuild = rebuild;
        this.nodeId = nodeId;
        this.clock = clock;
    }

    synchronized void start(UsageLog spool) {
        spool.addAppendListener(index);
        long latest = store.latestId();
        current = latest == 0 ? BudgetSnapshot.NONE : store.load(latest).orElse(BudgetSnapshot.NONE);
        long watermark = current.lastSequence(nodeId);
        SpoolRebuild.Summary rebuilt = rebuild.rebuild(watermark, index);
        ledger.seedWith(this, clock.instant());
        log.info(
                "budget_snapshot_loaded snapshot_id={} as_of={} node_id={} last_sequence={} segments_rebuilt={}"
                        + " completions={} orphan_admissions={} local_spend_usd={}",
                current.id(),
                current.asOf(),
                nodeId,
                watermark,
                rebuilt.segments(),
                rebuilt.completions(),
                rebuilt.orphanAdmissions(),
                rebuilt.bookedUsd().toPlainString());
    }

    /** Applies the newest snapshot if it is newer than the one in force; true when it did. */
    boolean poll() {
        long latest = store.latestId();
        if (latest <= current.id()) {
            return false;
        }
        BudgetSnapshot next = store.load(latest).orElse(null);
        if (next == null) {
            return false;
        }
        apply(next);
        return true;
    }

    synchronized void apply(BudgetSnapshot next) {
        long covered = next.lastSequence(nodeId);
        Newer newer = new Newer(next, covered);
        ledger.applySnapshot(newer, clock.instant());
        int dropped = index.dropThrough(covered);
        BudgetSnapshot previous = current;
        current = next;
        coveredFallback = null;
        warnedMissing = false;
        if (!newer.missing.isEmpty()) {
            warnMissing(next, newer.missing.size(), newer.missing.iterator().next());
        }
        log.info(
                "budget_snapshot_applied snapshot_id={} previous_id={} as_of={} node_id={} last_sequence={}"
                        + " windows={} segments_covered={} segments_held={}",
                next.id(),
                previous.id(),
                next.asOf(),
                nodeId,
                covered,
                next.spent().size(),
                dropped,
                index.segmentCount());
    }

    /**
     * Base: the snapshot's spend of the window; local: the spool past its watermark. A snapshot without a row for the
     * window (a job older than rows through its run time, or a budget newer than the snapshot) still covers this
     * node's spend in it, so the base is then that covered spend read back from the spool rather than zero.
     */
    @Override
    public synchronized Seed seed(Budget budget, BudgetWindow window) {
        BigDecimal base = current.spentUsd(budget.id(), window.start());
        if (base == null) {
            base = coveredBySnapshotWithoutRow(budget, window);
        }
        return new Seed(base, index.sum(budget.tenantId(), window));
    }

    private BigDecimal coveredBySnapshotWithoutRow(Budget budget, BudgetWindow window) {
        long watermark = current.lastSequence(nodeId);
        if (watermark < 0) {
            return BigDecimal.ZERO;
        }
        if (coveredFallback == null) {
            coveredFallback = new LocalSpendIndex();
            rebuild.rebuild(-1, coveredFallback);
        }
        if (!warnedMissing) {
            warnedMissing = true;
            warnMissing(current, 1, new BudgetSnapshot.WindowKey(budget.id(), window.start()));
        }
        return coveredFallback.sumThrough(watermark, budget.tenantId(), window);
    }

    private void warnMissing(BudgetSnapshot snapshot, int windows, BudgetSnapshot.WindowKey first) {
        log.warn(
                "budget_snapshot_window_missing snapshot_id={} as_of={} node_id={} windows={} budget_id={}"
                        + " window_start={} action=kept_covered_spend",
                snapshot.id(),
                snapshot.asOf(),
                nodeId,
                windows,
                first.budgetId(),
                first.windowStart());
    }

    long currentId() {
        return current.id();
    }

    /** The snapshot being applied, seen by the ledger; the index still holds what it newly covers. */
    private final class Newer implements SnapshotSpend {
        private final BudgetSnapshot snapshot;
        private final long lastSequence;
        /** The windows asked for that the snapshot has no row for; their covered spend stays where it was. */
        private final Set<BudgetSnapshot.WindowKey> missing = ConcurrentHashMap.newKeySet();

        Newer(BudgetSnapshot snapshot, long lastSequence) {
            this.snapshot = snapshot;
            this.lastSequence = lastSequence;
        }

        @Override
        public BigDecimal spentUsd(String budgetId, Instant windowStart) {
            BigDecimal row = snapshot.spentUsd(budgetId, windowStart);
            if (row == null) {
                missing.add(new BudgetSnapshot.WindowKey(budgetId, windowStart));
            }
            return row;
        }

        @Override
        public BigDecimal newlyCoveredUsd(String tenantId, BudgetWindow window) {
            return index.sumThrough(lastSequence, tenantId, window);
        }
    }
}
