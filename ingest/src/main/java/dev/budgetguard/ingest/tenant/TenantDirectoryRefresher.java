package dev.budgetguard.ingest.tenant;

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
 * Keeps the directory in step with the database: loads it before the web server accepts traffic, reloads it on
 * demand after an admin change and on a fixed delay for changes from other nodes, and flushes key last-use times.
 */
final class TenantDirectoryRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TenantDirectoryRefresher.class);

    private final TenantStore store;
    private final InMemoryTenantDirectory directory;
    private final DirectoryRefresh refresh;
    // A poll that read the database before an admin change committed must not overwrite the reload that follows it.
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile ScheduledExecutorService scheduler;

    TenantDirectoryRefresher(TenantStore store, InMemoryTenantDirectory directory, DirectoryRefresh refresh) {
        this.store = store;
        this.directory = directory;
        this.refresh = refresh;
    }

    InMemoryTenantDirectory.DirectorySize reload() {
        reloading.lock();
        try {
            return directory.replace(store.activeKeys());
        } finally {
            reloading.unlock();
        }
    }

    /** One polling round; package-private so a test can stand in for the clock-driven schedule. */
    void poll() {
        try {
            flushLastUse();
            InMemoryTenantDirectory.DirectorySize size = reload();
            log.debug("event=tenant_directory_polled tenants={} keys={}", size.tenants(), size.keys());
        } catch (RuntimeException e) {
            // The previous snapshot stays in force; the next round retries.
            log.warn("event=tenant_directory_poll_failed error=\"{}\"", e.toString());
        }
    }

    private void flushLastUse() {
        Map<String, Instant> lastUse = directory.drainLastUse();
        if (!lastUse.isEmpty()) {
            store.recordLastUse(lastUse);
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
        long delayMillis = refresh.interval().toMillis();
        executor.scheduleWithFixedDelay(this::poll, delayMillis, delayMillis, TimeUnit.MILLISECONDS);
        scheduler = executor;
        log.info(
                "event=tenant_directory_loaded tenants={} keys={} refresh={}",
                size.tenants(),
                size.keys(),
                refresh.interval());
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
            flushLastUse();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("event=tenant_last_use_flush_failed error=\"{}\"", e.toString());
        }
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
