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
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The proxy's view of tenants and keys: an immutable snapshot swapped whole on every reload, so a request reads one
 * consistent version without locks and without a database call. A rotated key's expiry is checked against the clock
 * at each authentication, so its grace ends at the exact instant, not at the next reload.
 */
final class InMemoryTenantDirectory implements TenantAuthenticator {

    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());
    // Uses of keys that left the snapshot before their last use was flushed.
    private final ConcurrentLinkedQueue<KeyUse> retired = new ConcurrentLinkedQueue<>();

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
        for (Entry entry : snapshot.keysByTenant().getOrDefault(tenantId, List.of())) {
            if (MessageDigest.isEqual(entry.keyHash(), presented)) {
                Instant now = clock.instant();
                if (entry.expiresAt() != null && !now.isBefore(entry.expiresAt())) {
                    return Optional.empty();
                }
                entry.use().usedAt(now);
                return Optional.of(entry.tenant());
            }
        }
        return Optional.empty();
    }

    /** Replaces everything this directory knows with {@code keys}; unflushed uses of the old entries are kept. */
    DirectorySize replace(Collection<ActiveKey> keys) {
        Map<String, KeyUse> previousUses = snapshot.usesByKeyId();
        Map<String, List<Entry>> byTenant = new HashMap<>();
        Map<String, KeyUse> uses = new HashMap<>();
        for (ActiveKey key : keys) {
            KeyUse use = previousUses.getOrDefault(key.keyId(), new KeyUse(key.keyId()));
            uses.put(key.keyId(), use);
            byTenant.computeIfAbsent(key.tenantId(), id -> new ArrayList<>())
                    .add(new Entry(
                            new AuthenticatedTenant(key.tenantId(), key.keyId()),
                            KeyDigest.parseHex(key.keyHashHex()),
                            key.expiresAt(),
                            use));
        }
        byTenant.replaceAll((tenant, entries) -> List.copyOf(entries));
        snapshot = new Snapshot(Map.copyOf(byTenant), Map.copyOf(uses));
        previousUses.forEach((keyId, use) -> {
            if (!uses.containsKey(keyId) && use.unflushed()) {
                retired.add(use);
            }
        });
        return new DirectorySize(byTenant.size(), keys.size());
    }

    /**
     * Last use per key id not yet drained. Writing {@code last_used_at} per request would put a database write on the
     * hot path; the refresher flushes this in one batch instead.
     */
    Map<String, Instant> drainLastUse() {
        Map<String, Instant> drained = new HashMap<>();
        for (KeyUse use = retired.poll(); use != null; use = retired.poll()) {
            use.drainInto(drained);
        }
        snapshot.usesByKeyId().values().forEach(use -> use.drainInto(drained));
        return drained;
    }

    /** How many tenants and keys a snapshot holds, for the refresh log line. */
    record DirectorySize(int tenants, int keys) {}

    private record Snapshot(Map<String, List<Entry>> keysByTenant, Map<String, KeyUse> usesByKeyId) {}

    private record Entry(AuthenticatedTenant tenant, byte[] keyHash, Instant expiresAt, KeyUse use) {}

    /** One key's last successful use: a volatile write per request, read by the flush. */
    private static final class KeyUse {
        private final String keyId;
        private volatile Instant usedAt;
        private volatile Instant drained;

        KeyUse(String keyId) {
            this.keyId = keyId;
        }

        void usedAt(Instant at) {
            usedAt = at;
        }

        boolean unflushed() {
            Instant last = usedAt;
            return last != null && !last.equals(drained);
        }

        // Only the flushing thread drains; a use racing with it is newer than 'drained' and goes out next time.
        synchronized void drainInto(Map<String, Instant> into) {
            Instant last = usedAt;
            if (last != null && !last.equals(drained)) {
                into.merge(keyId, last, (a, b) -> a.isAfter(b) ? a : b);
                drained = last;
            }
        }
    }
}
