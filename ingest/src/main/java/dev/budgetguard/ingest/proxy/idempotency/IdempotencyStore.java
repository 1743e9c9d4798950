package dev.budgetguard.ingest.proxy.idempotency;

import java.time.Instant;

/**
 * Remembers requests sent with an {@code Idempotency-Key}, per tenant and key, so that a repeat is answered from the
 * first result instead of being forwarded and billed again.
 */
public interface IdempotencyStore {

    /**
     * Claims {@code key} for a request with {@code fingerprint} (route, path, query and body), or says why it cannot
     * be.
     *
     * @param now the request's instant; entries older than the store's time to live are gone
     */
    Claim claim(String tenantId, String key, RequestFingerprint fingerprint, Instant now);

    /** What a claim found. */
    sealed interface Claim {}

    /** The key is new: the caller goes ahead and must end {@code ticket} either way. */
    record Fresh(Ticket ticket) implements Claim {}

    /** The key's first request completed: answer with its result. */
    record Replay(StoredAnswer answer) implements Claim {}

    /** The key's first request is still in flight. */
    record InFlight() implements Claim {}

    /** The key was used with a different request (body, route, path or query). */
    record Mismatch() implements Claim {}

    /** A claimed key; its first ending wins, later ones are no-ops. */
    interface Ticket {

        /** Keeps {@code answer} for repeats until the key expires. */
        void complete(StoredAnswer answer);

        /** Lets the key go (the request was refused or failed), so a retry is treated as new. */
        void abandon();
    }
}
