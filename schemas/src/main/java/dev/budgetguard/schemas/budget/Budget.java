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
 * @param zone an IANA region id (for example {@code Europe/Berlin}) or UTC under any of its names ({@code UTC},
 *     {@code Etc/UTC}, {@code GMT}); every other fixed offset ({@code +02:00}, {@code Etc/GMT+3}, {@code EST}) is
 *     refused, because it ignores the tenant's DST rules
 * @param thresholds strictly increasing percents in {@code 1..100}
 */
public record Budget(
        String id, String tenantId, BudgetPeriod period, BigDecimal limitUsd, ZoneId zone, List<Integer> thresholds) {

    public static final List<Integer> DEFAULT_THRESHOLDS = List.of(50, 80, 100);

    private static final String ZONE_RULE =
            "zone: expected an IANA region such as Europe/Berlin or UTC (fixed offsets are refused)";

    public Budget {
        requireText(id, "id");
        requireText(tenantId, "tenantId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(limitUsd, "limitUsd");
        if (limitUsd.signum() < 0) {
            throw new IllegalArgumentException("limitUsd: must be >= 0, was " + limitUsd.toPlainString());
        }
        requireRegionOrUtc(zone);
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

    /**
     * Whether {@code zone} is one a budget may use: an IANA id that is a region (it has transitions) or UTC. Fixed
     * offsets look like regions ({@code Etc/GMT+3} is an IANA id) but never follow DST, so only offset zero passes.
     */
    public static boolean isAllowedZone(String zone) {
        if (zone == null || !ZoneId.getAvailableZoneIds().contains(zone)) {
            return false;
        }
        var rules = ZoneId.of(zone).getRules();
        return !rules.isFixedOffset() || rules.getOffset(Instant.EPOCH).getTotalSeconds() == 0;
    }

    static ZoneId parseZone(String zone) {
        Objects.requireNonNull(zone, "zone");
        if (!isAllowedZone(zone)) {
            throw new IllegalArgumentException(ZONE_RULE + ", was '" + zone + "'");
        }
        return ZoneId.of(zone);
    }

    private static void requireRegionOrUtc(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        if (!isAllowedZone(zone.getId())) {
            throw new IllegalArgumentException(ZONE_RULE + ", was '" + zone.getId() + "'");
        }
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
