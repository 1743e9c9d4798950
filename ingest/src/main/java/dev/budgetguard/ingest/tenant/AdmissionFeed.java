package dev.budgetguard.ingest.tenant;

import dev.budgetguard.ingest.admission.SpendLedger;
import dev.budgetguard.ingest.ratelimit.RateLimit;
import dev.budgetguard.ingest.ratelimit.RateLimiter;
import dev.budgetguard.schemas.budget.Budget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pushes each live tenant's budgets into the {@link SpendLedger} and its limits into the {@link RateLimiter}, and
 * forgets deleted tenants in both. Only changes are pushed, so an unchanged poll leaves the hot path untouched.
 * Called by the refresher under its reload lock, one caller at a time.
 */
final class AdmissionFeed {

    private final SpendLedger ledger;
    private final RateLimiter limiter;
    private Map<String, Caps> published = Map.of();

    AdmissionFeed(SpendLedger ledger, RateLimiter limiter) {
        this.ledger = ledger;
        this.limiter = limiter;
    }

    /** @param limits every live tenant's limits (the live tenants); @param budgets their live budgets */
    FeedSize publish(Map<String, RateLimit> limits, Map<String, List<Budget>> budgets) {
        Map<String, Caps> next = new HashMap<>();
        int changed = 0;
        for (var tenant : limits.entrySet()) {
            String id = tenant.getKey();
            Caps caps = new Caps(tenant.getValue(), List.copyOf(budgets.getOrDefault(id, List.of())));
            next.put(id, caps);
            Caps before = published.get(id);
            if (before == null || !before.budgets().equals(caps.budgets())) {
                ledger.replaceBudgets(id, caps.budgets());
            }
            if (before == null || !before.limit().equals(caps.limit())) {
                limiter.setLimit(id, caps.limit());
            }
            changed += caps.equals(before) ? 0 : 1;
        }
        int removed = 0;
        for (String id : published.keySet()) {
            if (!next.containsKey(id)) {
                ledger.removeTenant(id);
                limiter.removeTenant(id);
                removed++;
            }
        }
        published = Map.copyOf(next);
        return new FeedSize(changed, removed);
    }

    /** How many tenants a publish changed and removed, for the log line. */
    record FeedSize(int changed, int removed) {}

    private record Caps(RateLimit limit, List<Budget> budgets) {}
}
