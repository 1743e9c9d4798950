package dev.budgetguard.ingest.tenant;

import java.time.Duration;
import java.util.Objects;

/**
 * How often each node re-reads tenants, keys, budgets and limits from the database, so changes made through another
 * node's admin API reach this one (changes made on this node apply at once regardless), and how often it writes the
 * keys' last-use times back.
 */
public record DirectoryRefresh(Duration interval, Duration lastUseFlush) {
    public DirectoryRefresh {
        requirePositive(interval, "interval");
        requirePositive(lastUseFlush, "lastUseFlush");
    }

    public DirectoryRefresh(Duration interval) {
        this(interval, interval);
    }

    private static void requirePositive(Duration value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(field + ": must be a positive duration, was " + value);
        }
    }
}
