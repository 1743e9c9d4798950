package dev.budgetguard.ingest.tenant;

import java.util.Objects;

/** A tenant whose credentials checked out, and which of its keys was used. */
public record AuthenticatedTenant(String tenantId, String keyId) {
    public AuthenticatedTenant {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(keyId, "keyId");
    }
}
