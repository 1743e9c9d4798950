package dev.budgetguard.ingest.audit;

import java.time.Instant;
import java.util.Objects;

/** A recorded admin action as read back from the log. */
public record AuditEntry(String id, Instant occurredAt, AuditEvent event) {
    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(event, "event");
    }
}
