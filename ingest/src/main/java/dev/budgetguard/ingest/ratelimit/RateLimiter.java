package dev.budgetguard.ingest.ratelimit;

import java.time.Instant;

/** Per-tenant request and token rate limits, decided in memory. */
public interface RateLimiter {

    /**
     * Counts one request and {@code tokens} tokens at {@code at} if both fit the tenant's limits, all or nothing. A
     * tenant without limits always passes.
     */
    RateDecision tryAcquire(String tenantId, long tokens, Instant at);

    /** Counts tokens learned after the fact (for example the output actually produced), without refusing anything. */
    void recordTokens(String tenantId, long tokens, Instant at);

    /** Sets a tenant's limits; what it already used in the current minute still counts. */
    void setLimit(String tenantId, RateLimit limit);

    void removeTenant(String tenantId);
}
