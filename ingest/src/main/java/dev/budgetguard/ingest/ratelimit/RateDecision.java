package dev.budgetguard.ingest.ratelimit;

import java.util.Objects;

/** Whether a request may pass the tenant's rate limits now. */
public sealed interface RateDecision {

    RateDecision ALLOWED = new Allowed();

    boolean allowed();

    /** The request was counted against the tenant's quota. */
    record Allowed() implements RateDecision {
        @Override
        public boolean allowed() {
            return true;
        }
    }

    /**
     * Nothing was counted. {@code retryAfterSeconds} (at least 1, rounded up) is when enough quota frees for this very
     * request; a request larger than the limit itself can never pass and gets the whole window.
     */
    record Limited(Dimension dimension, long limit, long retryAfterSeconds) implements RateDecision {
        public Limited {
            Objects.requireNonNull(dimension, "dimension");
            if (retryAfterSeconds < 1) {
                throw new IllegalArgumentException("retryAfterSeconds: must be >= 1, was " + retryAfterSeconds);
            }
        }

        @Override
        public boolean allowed() {
            return false;
        }
    }

    /** Which limit refused the request. */
    enum Dimension {
        REQUESTS,
        TOKENS
    }
}
