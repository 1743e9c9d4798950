package dev.budgetguard.jobs.rollup;

import java.util.HashMap;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Applies {@link SegmentRollup} segment by segment. Once a segment of a node is deferred, the node's later segments
 * are deferred too, so that each node's rolled segments stay a prefix of its sequence.
 */
class SegmentRollupProcessor implements ItemProcessor<PendingSegment, SegmentOutcome> {

    private final CompletionHorizon horizon;
    private final Map<String, String> deferredNodes = new HashMap<>();

    SegmentRollupProcessor(CompletionHorizon horizon) {
        this.horizon = horizon;
    }

    @Override
    public SegmentOutcome process(PendingSegment item) {
        String node = item.node().nodeId();
        String waitingFor = deferredNodes.get(node);
        if (waitingFor != null) {
            return new SegmentOutcome.Deferred(
                    item.records().segment(), "earlier segment " + waitingFor + " of node " + node + " is deferred");
        }
        SegmentOutcome outcome = SegmentRollup.roll(item.records(), item.node(), horizon);
        if (outcome instanceof SegmentOutcome.Deferred deferred) {
            deferredNodes.put(node, deferred.segment().toString());
        }
        return outcome;
    }
}
