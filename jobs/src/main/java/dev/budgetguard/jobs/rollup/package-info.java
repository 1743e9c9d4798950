/**
 * The {@code rollupUsageJob}: turns sealed spool segments into usage rows in the Parquet lake, exactly once per
 * segment. A completion makes a row on its own, a refusal makes a {@code rejected} row, and an admission whose
 * completion never came makes an {@code incomplete} row once the completion horizon has passed; until then the
 * segment waits for a later run. Part files are named after their segment and published before the segment is
 * entered in the {@code rolled_segment} manifest, in the chunk's transaction, so a run killed midway and run again
 * rewrites the same files and never duplicates a row.
 */
package dev.budgetguard.jobs.rollup;
