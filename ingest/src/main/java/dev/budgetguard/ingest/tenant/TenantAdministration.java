package dev.budgetguard.ingest.tenant;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What administrators may do to tenants and keys. Every change is written to the database first and then applied to
 * this node's directory at once; other nodes pick it up on their next poll. Calls block on JDBC.
 */
public final class TenantAdministration {

    private static final Logger log = LoggerFactory.getLogger(TenantAdministration.class);

    private final TenantStore store;
    private final TenantDirectoryRefresher refresher;
    private final ApiKeyMinter minter;
    private final Clock clock;

    TenantAdministration(TenantStore store, TenantDirectoryRefresher refresher, ApiKeyMinter minter, Clock clock) {
        this.store = store;
        this.refresher = refresher;
        this.minter = minter;
        this.clock = clock;
    }

    /** @throws TenantAlreadyExistsException when the id is taken */
    public Tenant createTenant(TenantId id, RateLimit rateLimit) {
        store.createTenant(id, rateLimit, now());
        applyToDirectory();
        return tenant(id);
    }

    /** @throws TenantNotFoundException when there is no such tenant */
    public Tenant tenant(TenantId id) {
        return store.findTenant(id).orElseThrow(() -> new TenantNotFoundException(id));
    }

    /** @throws TenantNotFoundException when there is no such tenant */
    public IssuedApiKey issueKey(TenantId id, String name) {
        tenant(id);
        String secret = minter.mint();
        ApiKey key =
                new ApiKey(UUID.randomUUID().toString(), id, name, ApiKeyMinter.displayPrefix(secret), now(), null);
        store.addKey(key, KeyDigest.sha256Hex(secret));
        applyToDirectory();
        return new IssuedApiKey(key, secret);
    }

    /** @throws ApiKeyNotFoundException when the tenant has no such unrevoked key */
    public ApiKey revokeKey(TenantId id, String keyId) {
        if (!store.revokeKey(id, keyId, now())) {
            tenant(id);
            throw new ApiKeyNotFoundException(id, keyId);
        }
        applyToDirectory();
        return tenant(id).apiKeys().stream()
                .filter(key -> key.id().equals(keyId))
                .findFirst()
                .orElseThrow(() -> new ApiKeyNotFoundException(id, keyId));
    }

    /** @throws TenantNotFoundException when there is no such tenant */
    public RateLimit rateLimit(TenantId id) {
        return tenant(id).rateLimit();
    }

    /** @throws TenantNotFoundException when there is no such tenant */
    public RateLimit changeRateLimit(TenantId id, RateLimit rateLimit) {
        if (!store.updateRateLimit(id, rateLimit)) {
            throw new TenantNotFoundException(id);
        }
        applyToDirectory();
        return rateLimit;
    }

    private void applyToDirectory() {
        try {
            refresher.reload();
        } catch (RuntimeException e) {
            // The change is committed; failing the admin call would misreport it. The next poll applies it.
            log.warn("event=tenant_directory_reload_failed error=\"{}\"", e.toString());
        }
    }

    // Both databases keep microseconds; truncating here makes what we return equal what we later read back.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
