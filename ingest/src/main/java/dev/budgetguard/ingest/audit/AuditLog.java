package dev.budgetguard.ingest.audit;

import java.time.Instant;
import java.util.List;

/** The durable, append-only log of admin actions. */
public interface AuditLog {

    /**
     * Appends {@code event} at {@code at}. Joins the caller's transaction, so call it inside the transaction of the
     * change it records.
     */
    void append(AuditEvent event, Instant at);

    /** Entries with {@code from <= occurredAt < to} (either bound may be null), newest first, at most {@code limit}. */
    List<AuditEntry> read(Instant from, Instant to, int limit);
}
