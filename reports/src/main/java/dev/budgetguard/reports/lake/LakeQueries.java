package dev.budgetguard.reports.lake;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Read-only SQL over the lake's views ({@code usage}, {@code "UsageLedger"}, {@code daily_spend}, {@code
 * spend_between(from, until)}).
 */
public interface LakeQueries {

    /** The lake's root directory, absolute. */
    Path root();

    /** How many usage part files the views see now; 0 for a lake the rollup has not written to yet. */
    long usageFileCount();

    /**
     * Runs one query, binding {@code params} in order ({@link java.time.Instant}s bind as TIMESTAMPTZ), and maps every
     * row.
     *
     * @throws LakeQueryException when DuckDB refuses the query or cannot read the files
     */
    <T> List<T> select(String sql, RowMapper<T> rows, Object... params);

    /** Turns the current row of a result into a value. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }
}
