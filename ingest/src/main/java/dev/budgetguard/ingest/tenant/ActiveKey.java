package dev.budgetguard.ingest.tenant;

import java.util.Objects;

/** One key that may authenticate right now, as the directory loads it: its tenant, its id and its SHA-256 hex. */
record ActiveKey(String tenantId, String keyId, String keyHashHex) {
    ActiveKey {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(keyHashHex, "keyHashHex");
    }
}
