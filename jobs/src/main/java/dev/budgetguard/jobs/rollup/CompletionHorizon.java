package dev.budgetguard.jobs.rollup;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides when an admission without a completion is final: only when no completion can still arrive for it.
 *
 * <p>The horizon is longer than any upstream timeout, so a completion is always written before its admission is that
 * old. Age alone is not enough while the node has a segment open, because the completion may sit in that open segment;
 * then the node's sealed segments must also reach past the horizon. A run judges every admission against the same
 * {@code asOf}, so the decision is the same when a crashed run is restarted.
 *
 * @param asOf the instant the run judges from (a job parameter)
 * @param horizon how long after admission a completion can still be written
 */
record CompletionHorizon(Instant asOf, Duration horizon) {

    CompletionHorizon {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(horizon, "horizon");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("completion horizon must be positive, was " + horizon);
        }
    }

    /** Whether an admission made at {@code admittedAt} on this node can no longer get a completion. */
    boolean hasPassed(Instant admittedAt, NodeHistory node) {
        Instant deadline = admittedAt.plus(horizon);
        boolean oldEnough = !asOf.isBefore(deadline);
        boolean nothingPending = !node.hasOpenSegment() || !node.sealedThrough().isBefore(deadline);
        return oldEnough && nothingPending;
    }
}
