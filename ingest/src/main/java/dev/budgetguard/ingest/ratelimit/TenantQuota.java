package dev.budgetguard.ingest.ratelimit;

/**
 * One tenant's limits and the sliding logs they are checked against. A small monitor rather than compare-and-set:
 * the logs are mutable ring buffers that would have to be copied per request to swap atomically, and the lock is
 * held for well under a microsecond and only ever contended by requests of the same tenant.
 */
final class TenantQuota {

    static final long WINDOW_NANOS = 60_000_000_000L;

    /** Token events within 100 ms share one entry, so a busy tenant's log stays at about 600 entries. */
    private static final long TOKEN_MERGE_NANOS = 100_000_000L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final SlidingLog requests = new SlidingLog(WINDOW_NANOS, 0);
    private final SlidingLog tokens = new SlidingLog(WINDOW_NANOS, TOKEN_MERGE_NANOS);
    private RateLimit limit;

    TenantQuota(RateLimit limit) {
        this.limit = limit;
    }

    synchronized void limit(RateLimit next) {
        limit = next;
    }

    synchronized RateDecision tryAcquire(long tokenCount, long now) {
        requests.expire(now);
        tokens.expire(now);
        long requestWait = nanosUntilFits(requests, 1, limit.requestsPerMinute(), now);
        long tokenWait = nanosUntilFits(tokens, tokenCount, limit.tokensPerMinute(), now);
        if (requestWait == 0 && tokenWait == 0) {
            record(tokenCount, now);
            return RateDecision.ALLOWED;
        }
        // Both limits must fit at once, so the honest wait is the longer of the two.
        return requestWait >= tokenWait
                ? new RateDecision.Limited(
                        RateDecision.Dimension.REQUESTS, limit.requestsPerMinute(), wholeSeconds(requestWait))
                : new RateDecision.Limited(
                        RateDecision.Dimension.TOKENS, limit.tokensPerMinute(), wholeSeconds(tokenWait));
    }

    synchronized void recordTokens(long tokenCount, long now) {
        if (limit.tokensPerMinute() > 0) {
            tokens.expire(now);
            tokens.add(now, tokenCount);
        }
    }

    /** Unlimited dimensions keep no log at all, so unlimited tenants cost nothing. */
    private void record(long tokenCount, long now) {
        if (limit.requestsPerMinute() > 0) {
            requests.add(now, 1);
        }
        if (limit.tokensPerMinute() > 0) {
            tokens.add(now, tokenCount);
        }
    }

    private static long nanosUntilFits(SlidingLog log, long need, long limit, long now) {
        if (limit == 0 || log.total() + need <= limit) {
            return 0;
        }
        long wait = log.nanosUntilFits(now, need, limit);
        return wait < 0 ? WINDOW_NANOS : wait;
    }

    private static long wholeSeconds(long nanos) {
        return Math.max(1, (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }
}
