package dev.budgetguard.schemas.spool;

import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageRecordCodec;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link UsageLog} kept as NDJSON segment files in one directory, laid out by {@link SpoolLayout}.
 *
 * <p>The appending thread only encodes the record and enqueues the bytes; one writer thread does all file work. Opening
 * the log first repairs what a crashed run of the same node left open (see {@link #recovery()}), and holds a lock file
 * so that two live processes never write, or repair, the same node's segments.
 */
public final class SegmentedFileUsageLog implements UsageLog {

    private final SpoolSettings settings;
    private final AppendQueue queue;
    private final SpoolStats stats = new SpoolStats();
    private final SpoolWriter writer;
    private final Thread writerThread;
    private final RecoveryReport recovery;
    private final NodeLock lock;
    private final boolean wakeWriterOnAppend;
    private volatile boolean closed;
    private boolean finished;

    private SegmentedFileUsageLog(
            SpoolSettings settings, Clock clock, SegmentId firstId, RecoveryReport recovery, NodeLock lock) {
        this.settings = settings;
        this.recovery = recovery;
        this.lock = lock;
        this.queue = new AppendQueue(settings.queueCapacity());
        this.wakeWriterOnAppend = settings.fsync() == FsyncPolicy.ALWAYS;
        this.writer = new SpoolWriter(settings, new SpoolLayout(settings.dir()), clock, queue, stats, firstId);
        this.writerThread = new Thread(writer, "spool-writer");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    /**
     * Opens the spool in {@code settings.dir()}, creating it if needed, after repairing this node's open segments.
     *
     * @throws SpoolIoException when the directory cannot be used, is locked by another process for the same node, or
     *     recovery fails
     */
    public static SegmentedFileUsageLog open(SpoolSettings settings, Clock clock) {
        SpoolLayout layout = new SpoolLayout(settings.dir());
        NodeLock lock = NodeLock.acquire(settings.dir(), settings.nodeId());
        try {
            String node = settings.nodeId();
            // Taken before recovery so that a sequence whose open file turns out empty (and is deleted) is not reused.
            SegmentId first = layout.lastOf(node).map(SegmentId::next).orElse(new SegmentId(node, 1));
            RecoveryReport report = new SpoolRecovery(layout).recover(node);
            return new SegmentedFileUsageLog(settings, clock, first, report, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    @Override
    public CompletableFuture<Void> append(UsageRecord record) {
        if (closed) {
            return CompletableFuture.failedFuture(new SpoolClosedException(settings.dir()));
        }
        Pending line = Pending.record(record, UsageRecordCodec.encode(record));
        if (!queue.offer(line)) {
            stats.refused.increment();
            return CompletableFuture.failedFuture(new SpoolFullException(settings.queueCapacity()));
        }
        stats.appended.increment();
        if (wakeWriterOnAppend) {
            LockSupport.unpark(writerThread);
        }
        // close() may have run between the check above and the offer; whoever removes the line settles it.
        if (closed && queue.withdraw(line)) {
            stats.appended.decrement();
            line.done.completeExceptionally(new SpoolClosedException(settings.dir()));
        }
        return line.done;
    }

    @Override
    public void addAppendListener(AppendListener listener) {
        writer.addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** How many times an append listener threw; the records themselves were written. */
    public long appendListenerFailures() {
        return stats.listenerFailures.sum();
    }

    @Override
    public void roll() {
        refuseOnWriterThread("roll");
        await(instruct(Pending.Kind.ROLL));
    }

    /** Runs the segment age check on the writer now, so tests can drive rotation with their clock. */
    void tick() {
        await(instruct(Pending.Kind.TICK));
    }

    @Override
    public SpoolCounters counters() {
        return stats.snapshot(queue.depth());
    }

    /** What opening the log repaired; the collector logs it. */
    public RecoveryReport recovery() {
        return recovery;
    }

    @Override
    public synchronized void close() {
        refuseOnWriterThread("close");
        if (finished) {
            return;
        }
        finished = true;
        closed = true;
        writer.stop();
        LockSupport.unpark(writerThread);
        joinWriter();
        List<Pending> leftovers = new ArrayList<>();
        while (queue.drainTo(leftovers, Integer.MAX_VALUE) > 0) {
            leftovers.forEach(p -> p.done.completeExceptionally(new SpoolClosedException(settings.dir())));
            leftovers.clear();
        }
        lock.close();
        Exception failure = writer.closeFailure();
        if (failure instanceof IOException io) {
            throw new SpoolIoException("cannot seal the last spool segment in " + settings.dir(), io);
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
    }

    private CompletableFuture<Void> instruct(Pending.Kind kind) {
        if (closed) {
            throw new SpoolClosedException(settings.dir());
        }
        Pending instruction = Pending.control(kind);
        queue.offerControl(instruction);
        LockSupport.unpark(writerThread);
        if (closed && queue.withdraw(instruction)) {
            throw new SpoolClosedException(settings.dir());
        }
        return instruction.done;
    }

    private void refuseOnWriterThread(String operation) {
        // Futures complete on the writer thread; waiting there for the writer would wait forever.
        if (Thread.currentThread() == writerThread) {
            throw new IllegalStateException(
                    operation + "() called from a spool future's callback on the writer thread");
        }
    }

    private static void await(CompletableFuture<Void> done) {
        try {
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void joinWriter() {
        boolean interrupted = false;
        while (writerThread.isAlive()) {
            try {
                writerThread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
