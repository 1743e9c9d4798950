package dev.budgetguard.ingest.tenant;

import dev.budgetguard.ingest.ratelimit.RateLimit;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Durable tenants, shared by every collector node and by jobs. Calls join the caller's transaction. */
interface TenantStore {

    /** @throws TenantAlreadyExistsException when the id is taken, by a live or a deleted tenant */
    void createTenant(TenantId id, RateLimit rateLimit, Instant createdAt);

    Optional<TenantRow> findTenant(TenantId id);

    /**
     * Sets the requests per minute and, when {@code tokensPerMinute} is not null, the tokens per minute.
     *
     * @return false when the tenant does not exist
     */
    boolean updateRateLimit(TenantId id, int requestsPerMinute, Long tokensPerMinute);

    /** Marks the tenant deleted; @return false when there is no such live tenant */
    boolean deleteTenant(TenantId id, Instant deletedAt);

    /** The limits of every live tenant, by tenant id: also the list of live tenants. */
    Map<String, RateLimit> liveRateLimits();
}
