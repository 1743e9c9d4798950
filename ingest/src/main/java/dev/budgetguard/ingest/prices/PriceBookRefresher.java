package dev.budgetguard.ingest.prices;

import dev.budgetguard.schemas.pricing.BundledPrices;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the snapshot in step with the database: seeds an empty table from the bundled prices and loads the book
 * before the web server accepts traffic, reloads it on demand after an admin change and on a fixed delay for
 * versions written elsewhere.
 */
final class PriceBookRefresher implements SmartLifecycle {

    static final String BUNDLED_SOURCE = "bundled";

    private static final Logger log = LoggerFactory.getLogger(PriceBookRefresher.class);

    private final PriceStore store;
    private final PriceBookSnapshot snapshot;
    private final Duration interval;
    private final Clock clock;
    // A poll that read the table before an admin change committed must not overwrite the reload that follows it.
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile ScheduledExecutorService scheduler;

    PriceBookRefresher(PriceStore store, PriceBookSnapshot snapshot, Duration interval, Clock clock) {
        this.store = store;
        this.snapshot = snapshot;
        this.interval = interval;
        this.clock = clock;
    }

    int reload() {
        reloading.lock();
        try {
            return snapshot.replace(store.all());
        } finally {
            reloading.unlock();
        }
    }

    /** One polling round; package-private so a test can stand in for the schedule. */
    void poll() {
        try {
            int versions = reload();
            log.debug("event=price_book_polled versions={}", versions);
        } catch (RuntimeException e) {
            // The previous snapshot stays in force; the next round retries.
            log.warn("event=price_book_poll_failed error=\"{}\"", e.toString());
        }
    }

    @Override
    public void start() {
        boolean seeded = store.seedIfEmpty(BundledPrices.load(), BUNDLED_SOURCE, clock.instant());
        int versions = reload();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "price-book-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long delayMillis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::poll, delayMillis, delayMillis, TimeUnit.MILLISECONDS);
        scheduler = executor;
        log.info("event=price_book_loaded versions={} seeded={} refresh={}", versions, seeded, interval);
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Below the web server's phase: the book is loaded before the first request is priced. */
    @Override
    public int getPhase() {
        return 0;
    }
}
