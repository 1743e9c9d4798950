package dev.budgetguard.ingest.tenant;

import dev.budgetguard.schemas.budget.Budget;
import java.time.Instant;
import java.util.Objects;

/** A stored budget of a tenant and when it was created. */
public record TenantBudget(Budget budget, Instant createdAt) {
    public TenantBudget {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
