package dev.budgetguard.ingest.tenant;

import java.time.Instant;
import java.util.Objects;

/** What is known about an issued key after issuance: never the key itself, only its display prefix. */
public record ApiKey(String id, TenantId tenantId, String name, String prefix, Instant createdAt, Instant revokedAt) {

    static final int MAX_NAME_LENGTH = 200;

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(createdAt, "createdAt");
        requireValidName(name);
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
}
