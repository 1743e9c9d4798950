package dev.budgetguard.ingest.snapshot;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One daemon thread polling for a newer snapshot, off the request path; a failed poll is logged and retried. */
final class SnapshotPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SnapshotPoller.class);

    private final ScheduledExecutorService executor;

    private SnapshotPoller(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static SnapshotPoller start(SnapshotFollower follower, Duration interval) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "budget-snapshot-poller");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(() -> pollQuietly(follower), millis, millis, TimeUnit.MILLISECONDS);
        return new SnapshotPoller(executor);
    }

    private static void pollQuietly(SnapshotFollower follower) {
        try {
            follower.poll();
        } catch (RuntimeException e) {
            log.warn("budget_snapshot_poll_failed snapshot_id={} error=\"{}\"", follower.currentId(), e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
