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
        ledger.applySnapshot(new Newer(next, covered), clock.instant());
        int dropped = index.dropThrough(covered);
        BudgetSnapshot previous = current;
        current = next;
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

    /** Base: the snapshot's spend of the window (none when it has no row yet); local: the spool past its watermark. */
    @Override
    public synchronized Seed seed(Budget budget, BudgetWindow window) {
        BigDecimal base = current.spentUsd(budget.id(), window.start());
        return new Seed(base == null ? BigDecimal.ZERO : base, index.sum(budget.tenantId(), window));
    }

    long currentId() {
        return current.id();
    }

    /** The snapshot being applied, seen by the ledger; the index still holds what it newly covers. */
    private final class Newer implements SnapshotSpend {
        private final BudgetSnapshot snapshot;
        private final long lastSequence;

        Newer(BudgetSnapshot snapshot, long lastSequence) {
            this.snapshot = snapshot;
            this.lastSequence = lastSequence;
        }

        @Override
        public BigDecimal spentUsd(String budgetId, Instant windowStart) {
            return snapshot.spentUsd(budgetId, windowStart);
        }

        @Override
        public BigDecimal newlyCoveredUsd(String tenantId, BudgetWindow window) {
            return index.sumThrough(lastSequence, tenantId, window);
        }
    }
}
