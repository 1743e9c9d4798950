package dev.budgetguard.schemas.spool;

import dev.budgetguard.schemas.usage.UsageRecord;
import java.util.concurrent.CompletableFuture;

/**
 * The collector's durable, append-only record of usage events.
 *
 * <p>Appending never waits for the disk: it hands the encoded line to a writer and returns a future that completes once
 * the line is in the file (and, when the policy asks for it, on stable storage). Refusals are immediate failed futures
 * so that an overloaded collector can answer 503 instead of queueing without bound.
 */
public interface UsageLog extends AutoCloseable {

    /**
     * Queues one record. The future fails with {@link SpoolFullException} when the queue is at capacity, with
     * {@link SpoolClosedException} after {@link #close()}, and with {@link SpoolIoException} when the write failed. It
     * completes on the writer thread, so dependent actions must be cheap or hop to another executor.
     */
    CompletableFuture<Void> append(UsageRecord record);

    /** Seals the current segment now, if it has records, so that jobs can read them; later records go to a new one. */
    void roll();

    /**
     * Adds a listener told of every record written from now on (see {@link AppendListener}). Register it before the log
     * takes traffic: records written earlier are not replayed.
     *
     * @throws UnsupportedOperationException when this log cannot report appends
     */
    default void addAppendListener(AppendListener listener) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not report appends");
    }

    /** What the log has done so far, for metrics. */
    SpoolCounters counters();

    /** Writes what was queued, forces it to disk and seals the open segment. */
    @Override
    void close();
}
