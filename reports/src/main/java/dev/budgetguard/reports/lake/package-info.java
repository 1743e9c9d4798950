/**
 * SQL over the Parquet lake: an in-memory DuckDB session that reads the lake's files in place through the analysts'
 * views of {@code reports/sql/views.sql} (the same file an analyst reads with the DuckDB CLI), so that what the jobs and
 * the CLI report is what an analyst sees. Read-only by use: nothing here writes to the lake.
 */
package dev.budgetguard.reports.lake;
