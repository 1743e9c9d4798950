package dev.budgetguard.ingest.tenant;

import java.time.Duration;
import java.util.Objects;

/**
 * How often each node re-reads tenants and keys from the database, so changes made through another node's admin API
 * reach this one. Changes made on this node apply at once regardless.
 */
public record DirectoryRefresh(Duration interval) {
    public DirectoryRefresh {
        Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("directory refresh interval must be positive, was " + interval);
        }
    }
}
