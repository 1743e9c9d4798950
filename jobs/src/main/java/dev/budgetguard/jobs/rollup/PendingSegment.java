package dev.budgetguard.jobs.rollup;

import java.util.Objects;

/** One chunk item of the rollup step: a segment's records and what its node's sealed history says. */
record PendingSegment(SegmentRecords records, NodeHistory node) {

    PendingSegment {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(node, "node");
        if (!node.nodeId().equals(records.segment().nodeId())) {
            throw new IllegalArgumentException(
                    "history of node " + node.nodeId() + " given for segment " + records.segment());
        }
    }
}
