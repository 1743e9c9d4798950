package dev.budgetguard.ingest.proxy.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@link IdempotencyStore} in this node's memory, bounded in entries and in bytes of kept answers. Entries are kept
 * in arrival order, which is also their expiry order (one time to live for all), so expiry and eviction both take the
 * oldest first. When a bound is reached the oldest key is forgotten early: a repeat of it is then forwarded (and billed)
 * again; that, and keys not being shared between nodes, is the price of bounded memory with no database on the hot
 * path.
 *
 * <p>One monitor guards the map: only requests that carry a key take it, for well under a microsecond.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private final Duration ttl;
    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>();
    private long bytes;

    public InMemoryIdempotencyStore(Duration ttl, int maxEntries, long maxBytes) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl: must be positive, was " + ttl);
        }
        if (maxEntries <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("maxEntries, maxBytes: must be positive");
        }
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    @Override
    public synchronized Claim claim(String tenantId, String key, RequestFingerprint fingerprint, Instant now) {
        expire(now);
        Key k = new Key(tenantId, key);
        Entry found = entries.get(k);
        if (found != null) {
            if (!found.fingerprint.equals(fingerprint)) {
                return new Mismatch();
            }
            return found.answer == null ? new InFlight() : new Replay(found.answer);
        }
        while (entries.size() >= maxEntries) {
            evictOldest();
        }
        Entry entry = new Entry(fingerprint, now);
        entries.put(k, entry);
        return new Fresh(new EntryTicket(k, entry));
    }

    /** Keys held, in flight or completed. */
    public synchronized int size() {
        return entries.size();
    }

    private void expire(Instant now) {
        Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Entry oldest = it.next().getValue();
            if (now.isBefore(oldest.createdAt.plus(ttl))) {
                return;
            }
            bytes -= oldest.size();
            it.remove();
        }
    }

    private void evictOldest() {
        Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
        bytes -= it.next().getValue().size();
        it.remove();
    }

    private synchronized void complete(Key key, Entry entry, StoredAnswer answer) {
        if (entries.get(key) != entry || entry.answer != null) {
            return;
        }
        if (answer.body().length > maxBytes) {
            entries.remove(key);
            return;
        }
        entry.answer = answer;
        bytes += entry.size();
        while (bytes > maxBytes) {
            evictOldest();
        }
    }

    private synchronized void abandon(Key key, Entry entry) {
        if (entries.get(key) == entry && entry.answer == null) {
            entries.remove(key);
        }
    }

    private record Key(String tenantId, String key) {}

    private static final class Entry {
        final RequestFingerprint fingerprint;
        final Instant createdAt;
        StoredAnswer answer;

        Entry(RequestFingerprint fingerprint, Instant createdAt) {
            this.fingerprint = fingerprint;
            this.createdAt = createdAt;
        }

        long size() {
            return answer == null ? 0 : answer.body().length;
        }
    }

    private final class EntryTicket implements Ticket {
        private final Key key;
        private final Entry entry;

        EntryTicket(Key key, Entry entry) {
            this.key = key;
            this.entry = entry;
        }

        @Override
        public void complete(StoredAnswer answer) {
            InMemoryIdempotencyStore.this.complete(key, entry, answer);
        }

        @Override
        public void abandon() {
            InMemoryIdempotencyStore.this.abandon(key, entry);
        }
    }
}
