package dev.budgetguard.schemas.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A hard cap on one tenant's spend per period, in USD, with the alert thresholds (percent of the limit) that the
 * control plane reports on. Immutable; every bad field is rejected at construction by name.
 *
 * @param zone an IANA region id (for example {@code Europe/Berlin}); fixed offsets are refused because they ignore the
 *     tenant's DST rules
 * @param thresholds strictly increasing percents in {@code 1..100}
 */
public record Budget(
        String id, String tenantId, BudgetPeriod period, BigDecimal limitUsd, ZoneId zone, List<Integer> thresholds) {

    public static final List<Integer> DEFAULT_THRESHOLDS = List.of(50, 80, 100);

    public Budget {
        requireText(id, "id");
        requireText(tenantId, "tenantId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(limitUsd, "limitUsd");
        if (limitUsd.signum() < 0) {
            throw new IllegalArgumentException("limitUsd: must be >= 0, was " + limitUsd.toPlainString());
        }
        Objects.requireNonNull(zone, "zone");
        if (!ZoneId.getAvailableZoneIds().contains(zone.getId())) {
            throw new IllegalArgumentException("zone: not an IANA time zone: '" + zone.getId() + "'");
        }
        requireIncreasingPercents(Objects.requireNonNull(thresholds, "thresholds"));
        thresholds = List.copyOf(thresholds);
    }

    public Budget(String id, String tenantId, BudgetPeriod period, BigDecimal limitUsd, ZoneId zone) {
        this(id, tenantId, period, limitUsd, zone, DEFAULT_THRESHOLDS);
    }

    /** Builds a budget from the admin API's text zone, so an unknown zone is a named validation error, not a crash. */
    public static Budget of(String id, String tenantId, BudgetPeriod period, BigDecimal limitUsd, String zone) {
        return new Budget(id, tenantId, period, limitUsd, parseZone(zone));
    }

    /** The window of this budget containing {@code at}, or empty when the budget is not active then. */
    public Optional<BudgetWindow> window(Instant at) {
        return period.window(at, zone);
    }

    static ZoneId parseZone(String zone) {
        Objects.requireNonNull(zone, "zone");
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw new IllegalArgumentException("zone: not an IANA time zone: '" + zone + "'");
        }
        return ZoneId.of(zone);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
    }

    private static void requireIncreasingPercents(List<Integer> thresholds) {
        int previous = 0;
        for (Integer percent : thresholds) {
            if (percent == null || percent <= previous || percent > 100) {
                throw new IllegalArgumentException(
                        "thresholds: expected strictly increasing percents in 1..100, was " + thresholds);
            }
            previous = percent;
        }
    }
}
