package dev.budgetguard.ingest.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Durable tenants and keys, shared by every collector node and by jobs. */
interface TenantStore {

    /** @throws TenantAlreadyExistsException when the id is taken */
    void createTenant(TenantId id, RateLimit rateLimit, Instant createdAt);

    Optional<Tenant> findTenant(TenantId id);

    void addKey(ApiKey key, String keyHashHex);

    /** @return false when the tenant does not exist */
    boolean updateRateLimit(TenantId id, RateLimit rateLimit);

    /** @return false when the tenant has no such key or it was already revoked */
    boolean revokeKey(TenantId id, String keyId, Instant revokedAt);

    /** Every unrevoked key of every live tenant. */
    List<ActiveKey> activeKeys();

    /** Moves {@code last_used_at} forward, never back, for each key id. */
    void recordLastUse(Map<String, Instant> lastUseByKeyId);
}
