package dev.budgetguard.ingest.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert thread: takes crossings from a bounded queue (offering never blocks; a full queue drops and logs), claims
 * each in the store (a crossing another node or an earlier run already claimed ends there), logs it, then posts it to
 * the webhook with exponential backoff until accepted or out of attempts.
 */
final class AlertDispatcher implements Consumer<AlertEvent>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    private final BlockingQueue<AlertEvent> queue;
    private final AlertStore store;
    private final WebhookSender webhook;
    private final AlertProperties properties;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean stopping;

    AlertDispatcher(AlertStore store, WebhookSender webhook, AlertProperties properties, Clock clock) {
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.store = store;
        this.webhook = webhook;
        this.properties = properties;
        this.clock = clock;
        this.thread = new Thread(this::run, "budget-alerts");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void accept(AlertEvent event) {
        if (!queue.offer(event)) {
            log.warn(
                    "budget_alert_dropped budget_id={} threshold={} queue_capacity={}",
                    event.budgetId(),
                    event.threshold(),
                    properties.queueCapacity());
        }
    }

    private void run() {
        while (!stopping) {
            try {
                AlertEvent event = queue.poll(100, TimeUnit.MILLISECONDS);
                if (event != null) {
                    handle(event);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("budget_alert_failed error=\"{}\"", e.toString());
            }
        }
    }

    private void handle(AlertEvent event) throws InterruptedException {
        if (!store.claim(event)) {
            return;
        }
        log.info(
                "budget_alert budget_id={} tenant_id={} threshold={} spent_usd={} limit_usd={} window_start={}",
                event.budgetId(),
                event.tenantId(),
                event.threshold(),
                event.spentUsd().toPlainString(),
                event.limitUsd().toPlainString(),
                event.window().start());
        if (webhook != null) {
            deliver(event);
        }
    }

    private void deliver(AlertEvent event) throws InterruptedException {
        Duration backoff = properties.initialBackoff();
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            boolean accepted = webhook.send(event);
            store.attempted(event, attempt, accepted ? clock.instant() : null);
            if (accepted) {
                return;
            }
            if (attempt < properties.maxAttempts()) {
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(properties.maxBackoff()) > 0
                        ? properties.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
        log.warn(
                "budget_alert_undelivered budget_id={} threshold={} attempts={}",
                event.budgetId(),
                event.threshold(),
                properties.maxAttempts());
    }

    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
    }
}
