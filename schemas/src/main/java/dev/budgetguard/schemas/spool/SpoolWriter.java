package dev.budgetguard.schemas.spool;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The spool's single writer thread: drains the queue in batches, writes each batch with one buffered write per
 * segment (group commit), forces per the policy, and only then completes the batch's futures.
 *
 * <p>Appenders never wake it except under {@link FsyncPolicy#ALWAYS}; otherwise it wakes itself every millisecond (or
 * every fsync interval, when shorter), which is also what seals an idle segment once it is old enough.
 */
final class SpoolWriter implements Runnable {

    private static final int MAX_BATCH = 8192;
    private static final long IDLE_WAKE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final FsyncPolicy policy;
    private final AppendQueue queue;
    private final SpoolStats stats;
    private final SegmentSequence segments;
    private final List<Pending> batch = new ArrayList<>(1024);
    private final List<AppendListener> listeners = new CopyOnWriteArrayList<>();
    private final long intervalNanos;
    private final long wakeNanos;
    private volatile boolean stopping;
    private volatile Exception closeFailure;

    SpoolWriter(
            SpoolSettings settings,
            SpoolLayout layout,
            Clock clock,
            AppendQueue queue,
            SpoolStats stats,
            SegmentId firstId) {
        this.policy = settings.fsync();
        this.queue = queue;
        this.stats = stats;
        this.segments = new SegmentSequence(settings, layout, clock, stats, firstId);
        this.intervalNanos = settings.fsyncInterval().toNanos();
        this.wakeNanos = policy == FsyncPolicy.INTERVAL
                ? Math.max(1, Math.min(IDLE_WAKE_NANOS, intervalNanos))
                : IDLE_WAKE_NANOS;
    }

    /** Asks the writer to write what is queued, seal and return; the caller unparks and joins the thread. */
    void stop() {
        stopping = true;
    }

    void addListener(AppendListener listener) {
        listeners.add(listener);
    }

    /** Why the final seal failed, or null. */
    Exception closeFailure() {
        return closeFailure;
    }

    @Override
    public void run() {
        while (true) {
            // Read before draining: once stopping is seen, an empty drain means nothing more will be written.
            boolean last = stopping;
            int drained = queue.drainTo(batch, MAX_BATCH);
            if (drained > 0) {
                process();
                batch.clear();
            }
            housekeeping();
            if (drained == 0) {
                if (last) {
                    finish();
                    return;
                }
                LockSupport.parkNanos(this, wakeNanos);
            }
        }
    }

    private void process() {
        int acked = 0;
        try {
            for (int i = 0; i < batch.size(); i++) {
                Pending p = batch.get(i);
                switch (p.kind) {
                    case RECORD -> {
                        if (segments.rotateBefore(p.line.length)) {
                            // Sealing forced everything before this line, so those appends are durable already.
                            acked = complete(acked, i);
                        }
                        p.landedIn = segments.append(p.line);
                    }
                    case ROLL -> {
                        segments.flush();
                        segments.seal();
                    }
                    case TICK -> segments.sealIfOld();
                }
            }
            segments.flush();
            if (policy == FsyncPolicy.ALWAYS) {
                segments.force();
            }
            complete(acked, batch.size());
        } catch (IOException | RuntimeException e) {
            fail(acked, e);
        }
    }

    private void housekeeping() {
        try {
            if (policy == FsyncPolicy.INTERVAL) {
                segments.forceEvery(intervalNanos);
            }
            segments.sealIfOld();
        } catch (IOException | RuntimeException e) {
            segments.abandon();
            stats.failures++;
        }
    }

    private void finish() {
        try {
            segments.flush();
            segments.seal();
        } catch (IOException | RuntimeException e) {
            segments.abandon();
            closeFailure = e;
        }
    }

    private int complete(int from, int to) {
        for (int i = from; i < to; i++) {
            Pending p = batch.get(i);
            if (p.kind == Pending.Kind.RECORD) {
                tellListeners(p);
            }
            p.done.complete(null);
        }
        return to;
    }

    private void tellListeners(Pending p) {
        for (AppendListener listener : listeners) {
            try {
                listener.appended(p.record, p.landedIn);
            } catch (RuntimeException e) {
                stats.listenerFailures.increment();
            }
        }
    }

    private void fail(int from, Exception e) {
        String where = segments.where();
        segments.abandon();
        stats.failures++;
        Throwable failure =
                e instanceof IOException io ? new SpoolIoException("cannot write spool segment " + where, io) : e;
        for (int i = from; i < batch.size(); i++) {
            batch.get(i).done.completeExceptionally(failure);
        }
    }
}
