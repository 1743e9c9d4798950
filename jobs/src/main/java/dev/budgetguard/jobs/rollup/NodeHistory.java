package dev.budgetguard.jobs.rollup;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the sealed spool of one collector node says about requests that may still be answered: which requests have a
 * completion, how far its sealed segments reach in time, and whether it still has a segment open.
 *
 * @param completedRequestIds request ids with a completion in any sealed segment of the node from the earliest one
 *     not yet rolled onward
 * @param sealedThrough the latest instant any record in those sealed segments reports; {@link Instant#MIN} when none
 * @param hasOpenSegment whether the node has a segment still being written, which may hold completions not yet sealed
 */
record NodeHistory(String nodeId, Set<String> completedRequestIds, Instant sealedThrough, boolean hasOpenSegment) {

    NodeHistory {
        Objects.requireNonNull(nodeId, "nodeId");
        completedRequestIds = Set.copyOf(completedRequestIds);
        Objects.requireNonNull(sealedThrough, "sealedThrough");
    }

    boolean completed(String requestId) {
        return completedRequestIds.contains(requestId);
    }
}
