package dev.budgetguard.ingest.tenant;

import java.time.Instant;
import java.util.Objects;

/**
 * One key that may authenticate, as the directory loads it: its tenant, its id, its SHA-256 hex and, for a rotated
 * key, the instant its grace ends (null when it never expires).
 */
record ActiveKey(String tenantId, String keyId, String keyHashHex, Instant expiresAt) {
    ActiveKey {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(keyHashHex, "keyHashHex");
    }

    ActiveKey(String tenantId, String keyId, String keyHashHex) {
        this(tenantId, keyId, keyHashHex, null);
    }
}
