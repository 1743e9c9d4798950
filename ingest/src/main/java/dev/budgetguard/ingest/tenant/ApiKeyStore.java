package dev.budgetguard.ingest.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Durable API keys (hash and prefix only). Calls join the caller's transaction. */
interface ApiKeyStore {

    void addKey(ApiKey key, String keyHashHex);

    /** Every key the tenant was ever issued, oldest first. */
    List<ApiKey> keysOf(TenantId id);

    Optional<ApiKey> findKey(TenantId id, String keyId);

    /** @return false when the tenant has no such key or it was already revoked */
    boolean revokeKey(TenantId id, String keyId, Instant revokedAt);

    /** Revokes every key of the tenant not yet revoked. */
    void revokeAll(TenantId id, Instant revokedAt);

    /**
     * Gives an unrevoked key without an expiry the instant it stops authenticating.
     *
     * @return false when the key is revoked, already has an expiry, or does not exist
     */
    boolean expireKey(TenantId id, String keyId, Instant expiresAt);

    /** Every key of every live tenant that is unrevoked and not expired at {@code now}. */
    List<ActiveKey> activeKeys(Instant now);

    /** Moves {@code last_used_at} forward, never back, for each key id, in one batch. */
    void recordLastUse(Map<String, Instant> lastUseByKeyId);
}
