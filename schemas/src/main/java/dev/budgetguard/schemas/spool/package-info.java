/**
 * The spool: the collector's durable, append-only record of usage events and its on-disk contract with the jobs.
 * {@link dev.budgetguard.schemas.spool.SegmentedFileUsageLog} appends without blocking the caller (one writer thread
 * batches lines into {@code <id>.ndjson.open} segments, forcing them per {@link dev.budgetguard.schemas.spool.FsyncPolicy}),
 * seals a segment by renaming it to {@code <id>.ndjson} once it is big or old enough, and on start repairs what a crash
 * left open by keeping every complete line and setting the torn tail aside as {@code <id>.torn}. Jobs read only sealed
 * segments, with {@link dev.budgetguard.schemas.spool.SpoolSegmentReader}, which reports bad lines instead of failing.
 */
package dev.budgetguard.schemas.spool;
