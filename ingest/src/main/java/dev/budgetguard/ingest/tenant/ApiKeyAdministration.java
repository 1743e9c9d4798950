package dev.budgetguard.ingest.tenant;

import dev.budgetguard.ingest.audit.Actor;
import dev.budgetguard.ingest.audit.AuditEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What administrators may do to a tenant's keys: issue, rotate (the old key keeps working for a grace period, then
 * stops at that exact instant) and revoke. Each change is audited in its own transaction and applied to this node at
 * once. Calls block on JDBC.
 */
public final class ApiKeyAdministration {

    private final TenantStore tenants;
    private final ApiKeyStore keys;
    private final ApiKeyMinter minter;
    private final ControlPlaneWrites writes;

    ApiKeyAdministration(TenantStore tenants, ApiKeyStore keys, ApiKeyMinter minter, ControlPlaneWrites writes) {
        this.tenants = tenants;
        this.keys = keys;
        this.minter = minter;
        this.writes = writes;
    }

    /** @throws TenantNotFoundException when there is no such tenant */
    public IssuedApiKey issueKey(Actor actor, TenantId id, String name) {
        return writes.commit(
                now -> {
                    requireTenant(id);
                    return mint(id, name, now);
                },
                issued -> List.of(keyEvent(actor, "create_api_key", issued.apiKey(), null)));
    }

    /**
     * Issues a successor with the same name and lets the old key authenticate until now + {@code grace} (zero: not
     * even for the next request).
     *
     * @throws ApiKeyNotFoundException when the tenant has no such unrevoked key
     * @throws ApiKeyAlreadyRotatedException when the key is already in a rotation's grace
     */
    public RotatedApiKey rotateKey(Actor actor, TenantId id, String keyId, Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace: must not be negative, was " + grace);
        }
        return writes.commit(
                now -> {
                    requireTenant(id);
                    ApiKey old = keys.findKey(id, keyId)
                            .filter(key -> !key.revoked())
                            .orElseThrow(() -> new ApiKeyNotFoundException(id, keyId));
                    Instant expiresAt = now.plus(grace);
                    if (!keys.expireKey(id, keyId, expiresAt)) {
                        throw new ApiKeyAlreadyRotatedException(id, keyId);
                    }
                    IssuedApiKey successor = mint(id, old.name(), now);
                    ApiKey replaced = new ApiKey(
                            old.id(), id, old.name(), old.prefix(), old.createdAt(), null, expiresAt, old.lastUsedAt());
                    return new RotatedApiKey(successor, replaced);
                },
                rotated -> List.of(keyEvent(
                        actor,
                        "rotate_api_key",
                        rotated.replaced(),
                        "successor=" + rotated.successor().apiKey().id() + " graceSeconds=" + grace.toSeconds())));
    }

    /** @throws ApiKeyNotFoundException when the tenant has no such unrevoked key */
    public ApiKey revokeKey(Actor actor, TenantId id, String keyId) {
        return writes.commit(
                now -> {
                    if (!keys.revokeKey(id, keyId, now)) {
                        requireTenant(id);
                        throw new ApiKeyNotFoundException(id, keyId);
                    }
                    return keys.findKey(id, keyId).orElseThrow(() -> new ApiKeyNotFoundException(id, keyId));
                },
                revoked -> List.of(keyEvent(actor, "revoke_api_key", revoked, null)));
    }

    private IssuedApiKey mint(TenantId id, String name, Instant now) {
        String secret = minter.mint();
        ApiKey key = ApiKey.issued(UUID.randomUUID().toString(), id, name, ApiKeyMinter.displayPrefix(secret), now);
        keys.addKey(key, KeyDigest.sha256Hex(secret));
        return new IssuedApiKey(key, secret);
    }

    private void requireTenant(TenantId id) {
        if (tenants.findTenant(id).isEmpty()) {
            throw new TenantNotFoundException(id);
        }
    }

    // The target is the key's id, never the key, its hash or its prefix.
    private static AuditEvent keyEvent(Actor actor, String action, ApiKey key, String more) {
        String detail = "tenant=" + key.tenantId() + (more == null ? "" : " " + more);
        return new AuditEvent(actor, action, "api_key", key.id(), detail);
    }
}
