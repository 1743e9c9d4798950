package dev.budgetguard.schemas.budget;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a budget's spend resets, in the tenant's local calendar. Every window runs from a local midnight to a local
 * midnight, so its length follows the zone's rules (a DST day is 23 or 25 hours). Weeks start on Monday (ISO 8601).
 */
public sealed interface BudgetPeriod {

    BudgetPeriod DAILY = new Daily();
    BudgetPeriod WEEKLY = new Weekly();
    BudgetPeriod MONTHLY = new Monthly();

    /** The window containing {@code at}, or empty when the budget is not active then (outside a custom range). */
    Optional<BudgetWindow> window(Instant at, ZoneId zone);

    /** The name used by the admin API: {@code daily}, {@code weekly}, {@code monthly} or {@code custom}. */
    String name();

    /** Parses one of the recurring periods by its admin API name; custom ranges are built with {@link Custom}. */
    static BudgetPeriod named(String name) {
        Objects.requireNonNull(name, "period");
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "daily" -> DAILY;
            case "weekly" -> WEEKLY;
            case "monthly" -> MONTHLY;
            default ->
                throw new IllegalArgumentException(
                        "period: expected daily, weekly, monthly or custom, was '" + name + "'");
        };
    }

    /** Local midnights to UTC; {@code atStartOfDay(zone)} picks the first valid instant where midnight is skipped. */
    private static Optional<BudgetWindow> between(LocalDate first, LocalDate next, ZoneId zone) {
        return Optional.of(new BudgetWindow(
                first.atStartOfDay(zone).toInstant(), next.atStartOfDay(zone).toInstant()));
    }

    record Daily() implements BudgetPeriod {
        @Override
        public Optional<BudgetWindow> window(Instant at, ZoneId zone) {
            LocalDate day = LocalDate.ofInstant(at, zone);
            return between(day, day.plusDays(1), zone);
        }

        @Override
        public String name() {
            return "daily";
        }
    }

    record Weekly() implements BudgetPeriod {
        @Override
        public Optional<BudgetWindow> window(Instant at, ZoneId zone) {
            LocalDate monday = LocalDate.ofInstant(at, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return between(monday, monday.plusWeeks(1), zone);
        }

        @Override
        public String name() {
            return "weekly";
        }
    }

    record Monthly() implements BudgetPeriod {
        @Override
        public Optional<BudgetWindow> window(Instant at, ZoneId zone) {
            LocalDate first = LocalDate.ofInstant(at, zone).withDayOfMonth(1);
            return between(first, first.plusMonths(1), zone);
        }

        @Override
        public String name() {
            return "monthly";
        }
    }

    /** One fixed range of local dates, {@code [start 00:00, end 00:00)} in the budget's zone; inactive outside it. */
    record Custom(LocalDate start, LocalDate end) implements BudgetPeriod {
        public Custom {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("end: must be after start " + start + ", was " + end);
            }
        }

        @Override
        public Optional<BudgetWindow> window(Instant at, ZoneId zone) {
            return between(start, end, zone).filter(window -> window.contains(at));
        }

        @Override
        public String name() {
            return "custom";
        }
    }
}
