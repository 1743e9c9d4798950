package dev.budgetguard.schemas.spool;

import java.util.concurrent.atomic.LongAdder;

/** Live counters behind {@link SpoolCounters}; the volatile ones are written by the writer thread only. */
final class SpoolStats {

    final LongAdder appended = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder listenerFailures = new LongAdder();
    volatile long written;
    volatile long bytes;
    volatile long fsyncs;
    volatile long sealed;
    volatile long failures;

    SpoolCounters snapshot(int queueDepth) {
        return new SpoolCounters(appended.sum(), refused.sum(), written, bytes, fsyncs, sealed, failures, queueDepth);
    }
}
