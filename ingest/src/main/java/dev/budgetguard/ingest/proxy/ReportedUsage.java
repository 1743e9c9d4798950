package dev.budgetguard.ingest.proxy;

import dev.budgetguard.schemas.usage.ServiceTier;
import dev.budgetguard.schemas.usage.TokenUsage;
import java.util.Objects;

/**
 * What a provider reported for one call, already normalized: the token counts in BudgetGuard's terms and the service
 * tier it says it served the call in.
 */
public record ReportedUsage(TokenUsage tokens, ServiceTier tier) {

    public ReportedUsage {
        Objects.requireNonNull(tokens, "tokens");
        tier = tier == null ? ServiceTier.STANDARD : tier;
    }

    public static ReportedUsage standard(TokenUsage tokens) {
        return new ReportedUsage(tokens, ServiceTier.STANDARD);
    }
}
