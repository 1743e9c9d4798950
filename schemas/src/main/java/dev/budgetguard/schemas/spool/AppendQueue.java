package dev.budgetguard.schemas.spool;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded hand-off from appending threads to the writer. Lock-free on purpose: a blocking queue would signal the
 * writer on every offer, which costs a system call per append when the writer is parked.
 */
final class AppendQueue {

    private final ConcurrentLinkedQueue<Pending> entries = new ConcurrentLinkedQueue<>();
    private final AtomicInteger depth = new AtomicInteger();
    private final int capacity;

    AppendQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a line unless the queue is at capacity. */
    boolean offer(Pending line) {
        if (depth.incrementAndGet() > capacity) {
            depth.decrementAndGet();
            return false;
        }
        entries.offer(line);
        return true;
    }

    /** Adds an instruction; instructions are rare and never refused. */
    void offerControl(Pending instruction) {
        depth.incrementAndGet();
        entries.offer(instruction);
    }

    /** Takes out an entry nobody has drained yet; true when this call removed it. */
    boolean withdraw(Pending entry) {
        if (entries.remove(entry)) {
            depth.decrementAndGet();
            return true;
        }
        return false;
    }

    int drainTo(List<Pending> batch, int max) {
        int n = 0;
        Pending p;
        while (n < max && (p = entries.poll()) != null) {
            batch.add(p);
            n++;
        }
        if (n > 0) {
            depth.addAndGet(-n);
        }
        return n;
    }

    int depth() {
        return Math.max(0, depth.get());
    }
}
