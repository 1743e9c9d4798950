package dev.budgetguard.ingest.ratelimit;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link RateLimiter} over a sliding log per tenant: each admitted request (and its tokens) is remembered until it
 * is 60 s old, so the limit holds over every 60 s span, not per calendar minute, and the wait it reports is exactly
 * when the oldest events that block a request leave. Requests are logged one by one (at most the limit of them);
 * tokens within 100 ms are merged, which can only delay, never over-admit.
 */
public final class SlidingLogRateLimiter implements RateLimiter {

    private final ConcurrentHashMap<String, TenantQuota> quotas = new ConcurrentHashMap<>();

    @Override
    public RateDecision tryAcquire(String tenantId, long tokens, Instant at) {
        Objects.requireNonNull(tenantId, "tenantId");
        requireNonNegative(tokens);
        TenantQuota quota = quotas.get(tenantId);
        return quota == null ? RateDecision.ALLOWED : quota.tryAcquire(tokens, epochNanos(at));
    }

    @Override
    public void recordTokens(String tenantId, long tokens, Instant at) {
        requireNonNegative(tokens);
        TenantQuota quota = quotas.get(tenantId);
        if (quota != null) {
            quota.recordTokens(tokens, epochNanos(at));
        }
    }

    @Override
    public void setLimit(String tenantId, RateLimit limit) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(limit, "limit");
        quotas.compute(tenantId, (id, quota) -> {
            if (quota == null) {
                return new TenantQuota(limit);
            }
            quota.limit(limit);
            return quota;
        });
    }

    @Override
    public void removeTenant(String tenantId) {
        quotas.remove(tenantId);
    }

    private static void requireNonNegative(long tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens: must be >= 0, was " + tokens);
        }
    }

    private static long epochNanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }
}
