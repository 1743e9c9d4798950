package dev.budgetguard.ingest.tenant;

import dev.budgetguard.ingest.ratelimit.RateLimit;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A tenant as administrators see it: its limits, every key it was ever issued (revoked ones included), its budgets. */
public record Tenant(
        TenantId id, RateLimit rateLimit, Instant createdAt, List<ApiKey> apiKeys, List<TenantBudget> budgets) {
    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(createdAt, "createdAt");
        apiKeys = List.copyOf(Objects.requireNonNull(apiKeys, "apiKeys"));
        budgets = List.copyOf(Objects.requireNonNull(budgets, "budgets"));
    }
}
