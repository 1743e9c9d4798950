package dev.budgetguard.ingest.ratelimit;

/**
 * Weighted events of the last window in arrival order, in a ring buffer, with the sum of their weights. An event at
 * {@code t} counts while {@code now < t + window}. Events closer than {@code mergeNanos} to the newest one are folded
 * into it at the later time, which bounds memory and can only make an event leave later (never admit more); an event
 * older than the newest is folded the same way. Not thread-safe: its owner locks.
 */
final class SlidingLog {

    private final long windowNanos;
    private final long mergeNanos;
    private long[] times = new long[8];
    private long[] weights = new long[8];
    private int head;
    private int size;
    private long total;

    SlidingLog(long windowNanos, long mergeNanos) {
        this.windowNanos = windowNanos;
        this.mergeNanos = mergeNanos;
    }

    long total() {
        return total;
    }

    void expire(long now) {
        while (size > 0 && times[head] + windowNanos <= now) {
            total -= weights[head];
            head = (head + 1) & (times.length - 1);
            size--;
        }
    }

    void add(long now, long weight) {
        if (weight == 0) {
            return;
        }
        total += weight;
        if (size > 0) {
            int last = (head + size - 1) & (times.length - 1);
            if (now < times[last] + mergeNanos || now <= times[last]) {
                times[last] = Math.max(times[last], now);
                weights[last] += weight;
                return;
            }
        }
        if (size == times.length) {
            grow();
        }
        int tail = (head + size) & (times.length - 1);
        times[tail] = now;
        weights[tail] = weight;
        size++;
    }

    /**
     * Nanoseconds from {@code now} until {@code need} more fits under {@code limit}, found by walking from the oldest
     * event until enough weight has left; {@code -1} when {@code need} alone exceeds the limit.
     */
    long nanosUntilFits(long now, long need, long limit) {
        if (need > limit) {
            return -1;
        }
        long excess = total + need - limit;
        long freed = 0;
        for (int k = 0; k < size && freed < excess; k++) {
            int i = (head + k) & (times.length - 1);
            freed += weights[i];
            if (freed >= excess) {
                return times[i] + windowNanos - now;
            }
        }
        return 0;
    }

    private void grow() {
        long[] newTimes = new long[times.length * 2];
        long[] newWeights = new long[weights.length * 2];
        for (int k = 0; k < size; k++) {
            int i = (head + k) & (times.length - 1);
            newTimes[k] = times[i];
            newWeights[k] = weights[i];
        }
        times = newTimes;
        weights = newWeights;
        head = 0;
    }
}
