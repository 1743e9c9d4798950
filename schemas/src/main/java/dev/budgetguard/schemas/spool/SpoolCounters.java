package dev.budgetguard.schemas.spool;

/**
 * A snapshot of what a spool has done since it was opened.
 *
 * @param recordsAppended appends accepted into the queue
 * @param recordsRefused appends refused because the queue was full
 * @param recordsWritten lines written to segment files
 * @param bytesWritten bytes written to segment files
 * @param fsyncs forces of segment files
 * @param segmentsSealed segments sealed (renamed to their final name)
 * @param writeFailures batches or seals that failed with an I/O error
 * @param queueDepth lines waiting for the writer right now
 */
public record SpoolCounters(
        long recordsAppended,
        long recordsRefused,
        long recordsWritten,
        long bytesWritten,
        long fsyncs,
        long segmentsSealed,
        long writeFailures,
        int queueDepth) {}
