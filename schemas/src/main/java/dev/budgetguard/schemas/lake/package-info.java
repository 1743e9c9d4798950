/**
 * The Parquet lake's contract: table paths, Hive partitions, part-file names derived from spool segments, and the usage
 * row schema that jobs write and the DuckDB views read.
 */
package dev.budgetguard.schemas.lake;
