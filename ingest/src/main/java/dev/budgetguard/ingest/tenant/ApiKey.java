package dev.budgetguard.ingest.tenant;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known about an issued key after issuance: never the key itself, only its display prefix.
 *
 * @param revokedAt when an administrator revoked it (or deleted its tenant); null while not revoked
 * @param expiresAt when a rotation's grace ends it; null when it never expires
 * @param lastUsedAt the last successful authentication as last flushed to the database (it lags by up to the flush
 *     interval); null if never used
 */
public record ApiKey(
        String id,
        TenantId tenantId,
        String name,
        String prefix,
        Instant createdAt,
        Instant revokedAt,
        Instant expiresAt,
        Instant lastUsedAt) {

    static final int MAX_NAME_LENGTH = 200;

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(createdAt, "createdAt");
        requireValidName(name);
    }

    static ApiKey issued(String id, TenantId tenantId, String name, String prefix, Instant createdAt) {
        return new ApiKey(id, tenantId, name, prefix, createdAt, null, null, null);
    }

    /** Key names are free text for humans, bounded so they fit the column and cannot smuggle control characters. */
    public static String requireValidName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("key name must not be blank");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("key name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("key name must not contain control characters");
        }
        return name;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Whether the key authenticates at {@code at}: not revoked and, if rotated, still within its grace. */
    public boolean activeAt(Instant at) {
        return revokedAt == null && (expiresAt == null || at.isBefore(expiresAt));
    }
}
