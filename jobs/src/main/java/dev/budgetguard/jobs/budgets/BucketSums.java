package dev.budgetguard.jobs.budgets;

import dev.budgetguard.schemas.budget.BudgetWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Covered cap spend per tenant and 15-minute UTC bucket of {@code created_at}. Every local midnight of every zone in
 * use today falls on a 15-minute UTC boundary, so a budget window is a whole number of buckets and its spend an exact
 * sum of them; {@link #isAligned} tells the rare window that is not (a custom range in a zone's old local mean time).
 */
final class BucketSums {

    static final long BUCKET_SECONDS = 15 * 60;

    private final Map<String, NavigableMap<Long, BigDecimal>> byTenant = new HashMap<>();

    void add(String tenantId, long bucketStartEpochSecond, BigDecimal amountUsd) {
        if (bucketStartEpochSecond % BUCKET_SECONDS != 0) {
            throw new IllegalArgumentException("bucketStart: not on a 15-minute boundary: " + bucketStartEpochSecond);
        }
        byTenant.computeIfAbsent(tenantId, t -> new TreeMap<>())
                .merge(bucketStartEpochSecond, amountUsd, BigDecimal::add);
    }

    static boolean isAligned(BudgetWindow window) {
        return onBoundary(window.start()) && onBoundary(window.end());
    }

    /** The tenant's spend in an aligned window. */
    BigDecimal sum(String tenantId, BudgetWindow window) {
        if (!isAligned(window)) {
            throw new IllegalArgumentException("window: not on 15-minute UTC boundaries: " + window);
        }
        NavigableMap<Long, BigDecimal> buckets = byTenant.get(tenantId);
        if (buckets == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal amount : buckets.subMap(
                        window.start().getEpochSecond(), true, window.end().getEpochSecond(), false)
                .values()) {
            total = total.add(amount);
        }
        return total;
    }

    private static boolean onBoundary(Instant at) {
        return at.getNano() == 0 && at.getEpochSecond() % BUCKET_SECONDS == 0;
    }
}
