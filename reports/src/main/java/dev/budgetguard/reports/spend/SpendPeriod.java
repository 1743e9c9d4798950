package dev.budgetguard.reports.spend;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The half-open instant range {@code [from, until)} a spend report covers.
 *
 * <p>Half-open so that consecutive periods (days, months, a tenant's local month later) tile time without a gap or an
 * overlap at their shared boundary.
 */
public record SpendPeriod(Instant from, Instant until) {

    public SpendPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("until (" + until + ") must be after from (" + from + ")");
        }
    }

    /** Whole UTC days from {@code from} through {@code toInclusive}, as the CLI's {@code --from}/{@code --to} mean. */
    public static SpendPeriod utcDays(LocalDate from, LocalDate toInclusive) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toInclusive, "to");
        if (toInclusive.isBefore(from)) {
            throw new IllegalArgumentException("to (" + toInclusive + ") must not be before from (" + from + ")");
        }
        return new SpendPeriod(startOf(from), startOf(toInclusive.plusDays(1)));
    }

    /** The same period as CLI users read it: {@code 2026-11-01 .. 2026-11-30 (UTC)} for whole days. */
    public String describe() {
        if (isUtcMidnight(from) && isUtcMidnight(until)) {
            LocalDate last = LocalDate.ofInstant(until, ZoneOffset.UTC).minusDays(1);
            return LocalDate.ofInstant(from, ZoneOffset.UTC) + " .. " + last + " (UTC, both days included)";
        }
        return "[" + from + ", " + until + ")";
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static boolean isUtcMidnight(Instant at) {
        return at.equals(startOf(LocalDate.ofInstant(at, ZoneOffset.UTC)));
    }
}
