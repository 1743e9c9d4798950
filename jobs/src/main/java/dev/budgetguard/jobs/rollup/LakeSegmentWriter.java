package dev.budgetguard.jobs.rollup;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Publishes a rolled segment's part files, then enters it in the manifest; the manifest insert joins the chunk's
 * transaction, so the segment counts as rolled only once the chunk commits. A deferred segment loses whatever an
 * interrupted earlier attempt left in the lake for it.
 */
class LakeSegmentWriter implements ItemWriter<SegmentOutcome> {

    private static final Logger log = LoggerFactory.getLogger(LakeSegmentWriter.class);

    private final UsagePartFiles parts;
    private final RolledSegmentManifest manifest;
    private final Clock clock;
    private final RollupTally tally;
    private final long jobExecutionId;

    LakeSegmentWriter(
            UsagePartFiles parts, RolledSegmentManifest manifest, Clock clock, RollupTally tally, long jobExecutionId) {
        this.parts = parts;
        this.manifest = manifest;
        this.clock = clock;
        this.tally = tally;
        this.jobExecutionId = jobExecutionId;
    }

    @Override
    public void write(Chunk<? extends SegmentOutcome> chunk) {
        for (SegmentOutcome outcome : chunk) {
            if (outcome instanceof SegmentOutcome.Rolled rolled) {
                parts.publish(rolled);
                manifest.record(rolled, clock.instant(), jobExecutionId);
                tally.rolled(rolled.rowCount(), rolled.rejects().size());
            } else {
                parts.retract(outcome.segment());
                tally.deferred();
                log.debug(
                        "rollup deferred segment={} reason=\"{}\"",
                        outcome.segment(),
                        ((SegmentOutcome.Deferred) outcome).reason());
            }
        }
    }
}
