package dev.budgetguard.ingest.tenant;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The proxy's view of tenants and keys: an immutable snapshot swapped whole on every reload, so a request reads one
 * consistent version without locks and without a database call.
 */
final class InMemoryTenantDirectory implements TenantAuthenticator {

    private final Clock clock;
    private volatile Map<String, List<Entry>> keysByTenant = Map.of();
    private final ConcurrentHashMap<String, Instant> lastUseByKeyId = new ConcurrentHashMap<>();

    InMemoryTenantDirectory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<AuthenticatedTenant> authenticate(String tenantId, String apiKey) {
        if (tenantId == null || apiKey == null) {
            return Optional.empty();
        }
        // Hash before the lookup so an unknown tenant costs the same as a known one with a wrong key.
        byte[] presented = KeyDigest.sha256(apiKey);
        for (Entry entry : keysByTenant.getOrDefault(tenantId, List.of())) {
            if (MessageDigest.isEqual(entry.keyHash(), presented)) {
                lastUseByKeyId.put(entry.tenant().keyId(), clock.instant());
                return Optional.of(entry.tenant());
            }
        }
        return Optional.empty();
    }

    /** Replaces everything this directory knows with {@code keys}. */
    DirectorySize replace(Collection<ActiveKey> keys) {
        Map<String, List<Entry>> byTenant = new HashMap<>();
        for (ActiveKey key : keys) {
            byTenant.computeIfAbsent(key.tenantId(), id -> new ArrayList<>())
                    .add(new Entry(
                            new AuthenticatedTenant(key.tenantId(), key.keyId()),
                            KeyDigest.parseHex(key.keyHashHex())));
        }
        byTenant.replaceAll((tenant, entries) -> List.copyOf(entries));
        keysByTenant = Map.copyOf(byTenant);
        return new DirectorySize(byTenant.size(), keys.size());
    }

    /**
     * Last use per key id since the previous drain. Writing {@code last_used_at} per request would put a database
     * write on the hot path; the refresher flushes this instead.
     */
    Map<String, Instant> drainLastUse() {
        Map<String, Instant> drained = new HashMap<>();
        for (String keyId : lastUseByKeyId.keySet()) {
            Instant usedAt = lastUseByKeyId.remove(keyId);
            if (usedAt != null) {
                drained.put(keyId, usedAt);
            }
        }
        return drained;
    }

    /** How many tenants and keys a snapshot holds, for the refresh log line. */
    record DirectorySize(int tenants, int keys) {}

    private record Entry(AuthenticatedTenant tenant, byte[] keyHash) {}
}
