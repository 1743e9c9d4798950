package dev.budgetguard.ingest.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A tenant as administrators see it, with every key it was ever issued (revoked ones included). */
public record Tenant(TenantId id, RateLimit rateLimit, Instant createdAt, List<ApiKey> apiKeys) {
    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(createdAt, "createdAt");
        apiKeys = List.copyOf(Objects.requireNonNull(apiKeys, "apiKeys"));
    }
}
