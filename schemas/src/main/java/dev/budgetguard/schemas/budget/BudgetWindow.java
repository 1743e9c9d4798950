package dev.budgetguard.schemas.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One occurrence of a budget period as a half-open UTC range {@code [start, end)}. */
public record BudgetWindow(Instant start, Instant end) {

    public BudgetWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end: must be after start " + start + ", was " + end);
        }
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    /** The real elapsed length, so a local day across a DST change is 23 or 25 hours. */
    public Duration duration() {
        return Duration.between(start, end);
    }
}
