package dev.budgetguard.jobs.rollup;

import dev.budgetguard.schemas.spool.SegmentId;
import java.util.Iterator;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Yields the sealed segments not in the manifest, one per item, in (node, sequence) order.
 *
 * <p>It keeps no position in the execution context: the manifest is the position. A restarted step plans again and
 * finds exactly the segments the failed attempt did not commit.
 */
class PendingSegmentReader implements ItemStreamReader<PendingSegment> {

    private final SealedSpool spool;
    private final RolledSegmentManifest manifest;
    private final RollupTally tally;
    private RollupPlan plan;
    private Iterator<SegmentId> next;

    PendingSegmentReader(SealedSpool spool, RolledSegmentManifest manifest, RollupTally tally) {
        this.spool = spool;
        this.manifest = manifest;
        this.tally = tally;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        plan = spool.plan(manifest.rolled());
        next = plan.pending().iterator();
        tally.planned(plan.pending().size());
    }

    @Override
    public PendingSegment read() {
        if (next == null || !next.hasNext()) {
            return null;
        }
        SegmentId segment = next.next();
        return new PendingSegment(spool.read(segment), plan.node(segment.nodeId()));
    }
}
