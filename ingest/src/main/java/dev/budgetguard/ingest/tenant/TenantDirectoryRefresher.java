package dev.budgetguard.ingest.tenant;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the directory and the hot path's caps in step with the database: loads them before the web server accepts
 * traffic, reloads them on demand after an admin change and on a fixed delay for changes from other nodes, and
 * flushes key last-use times in one batch on its own schedule and at shutdown.
 */
final class TenantDirectoryRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TenantDirectoryRefresher.class);

    private final TenantStore tenants;
    private final ApiKeyStore keys;
    private final BudgetStore budgets;
    private final InMemoryTenantDirectory directory;
    private final AdmissionFeed feed;
    private final DirectoryRefresh refresh;
    private final Clock clock;
    // A poll that read the database before an admin change committed must not overwrite the reload that follows it.
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile ScheduledExecutorService scheduler;

    TenantDirectoryRefresher(
            TenantStore tenants,
            ApiKeyStore keys,
            BudgetStore budgets,
            InMemoryTenantDirectory directory,
            AdmissionFeed feed,
            DirectoryRefresh refresh,
            Clock clock) {
        this.tenants = tenants;
        this.keys = keys;
        this.budgets = budgets;
        this.directory = directory;
        this.feed = feed;
        this.refresh = refresh;
        this.clock = clock;
    }

    InMemoryTenantDirectory.DirectorySize reload() {
        reloading.lock();
        try {
            var limits = tenants.liveRateLimits();
            var liveBudgets = budgets.liveBudgets();
            var size = directory.replace(keys.activeKeys(clock.instant()));
            var fed = feed.publish(limits, liveBudgets);
            if (fed.changed() > 0 || fed.removed() > 0) {
                log.info("event=tenant_caps_applied changed={} removed={}", fed.changed(), fed.removed());
            }
            return size;
        } finally {
            reloading.unlock();
        }
    }

    /** One polling round; package-private so a test can stand in for the clock-driven schedule. */
    void poll() {
        try {
            InMemoryTenantDirectory.DirectorySize size = reload();
            log.debug("event=tenant_directory_polled tenants={} keys={}", size.tenants(), size.keys());
        } catch (RuntimeException e) {
            // The previous snapshot stays in force; the next round retries.
            log.warn("event=tenant_directory_poll_failed error=\"{}\"", e.toString());
        }
    }

    /** Writes the keys used since the last flush; package-private so a test can flush without waiting. */
    void flushLastUse() {
        Map<String, Instant> lastUse = directory.drainLastUse();
        if (!lastUse.isEmpty()) {
            keys.recordLastUse(lastUse);
            log.debug("event=key_last_use_flushed keys={}", lastUse.size());
        }
    }

    private void flushQuietly() {
        try {
            flushLastUse();
        } catch (RuntimeException e) {
            // Drained uses are lost; the next use of each key records it again. Never worth failing over.
            log.warn("event=tenant_last_use_flush_failed error=\"{}\"", e.toString());
        }
    }

    @Override
    public void start() {
        InMemoryTenantDirectory.DirectorySize size = reload();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tenant-directory-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long pollMillis = refresh.interval().toMillis();
        long flushMillis = refresh.lastUseFlush().toMillis();
        executor.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::flushQuietly, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
        scheduler = executor;
        log.info(
                "event=tenant_directory_loaded tenants={} keys={} refresh={} last_use_flush={}",
                size.tenants(),
                size.keys(),
                refresh.interval(),
                refresh.lastUseFlush());
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Below the web server's phase: starts before it accepts requests and stops after it drained them. */
    @Override
    public int getPhase() {
        return 0;
    }
}
