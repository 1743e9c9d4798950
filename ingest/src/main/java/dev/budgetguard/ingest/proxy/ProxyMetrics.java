package dev.budgetguard.ingest.proxy;

import dev.budgetguard.schemas.usage.UsageStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counters of proxied requests by outcome, registered once so that the hot path only increments.
 *
 * <p>{@code budgetguard.proxy.requests{outcome}} counts every request the proxy answered: the ledger statuses
 * ({@code ok}, {@code usage_missing}, {@code upstream_error}, {@code client_aborted}, {@code rejected}) plus
 * {@code spool_full} for requests shed because no record could be written. {@code budgetguard.proxy.usage.unpriced}
 * counts calls whose tokens were counted for a model with no price in force (recorded unpriced, never $0).
 */
public final class ProxyMetrics {

    private final Map<UsageStatus, Counter> byStatus = new EnumMap<>(UsageStatus.class);
    private final Counter spoolFull;
    private final Counter appendFailures;
    private final Counter implausibleUsage;
    private final Counter unpriced;

    public ProxyMetrics(MeterRegistry registry) {
        for (UsageStatus status : UsageStatus.values()) {
            if (status != UsageStatus.ADMITTED && status != UsageStatus.INCOMPLETE) {
                byStatus.put(status, requests(registry, status.wireName()));
            }
        }
        this.spoolFull = requests(registry, "spool_full");
        this.appendFailures = Counter.builder("budgetguard.proxy.spool.append.failures")
                .description("Records the proxy could not spool (queue full, closed or I/O error)")
                .register(registry);
        this.implausibleUsage = Counter.builder("budgetguard.proxy.usage.implausible")
                .description("Provider usage reports discarded as implausible (token counts over the cap, or a cost"
                        + " outside what the lake can store); recorded as usage_missing, cost unknown")
                .register(registry);
        this.unpriced = Counter.builder("budgetguard.proxy.usage.unpriced")
                .description("Calls whose tokens were counted but whose model had no price in force; recorded with"
                        + " cost status unpriced (cost unknown, never $0)")
                .register(registry);
    }

    void outcome(UsageStatus status) {
        byStatus.get(status).increment();
    }

    void spoolFull() {
        spoolFull.increment();
    }

    void appendFailed() {
        appendFailures.increment();
    }

    void implausibleUsage() {
        implausibleUsage.increment();
    }

    void unpriced() {
        unpriced.increment();
    }

    private static Counter requests(MeterRegistry registry, String outcome) {
        return Counter.builder("budgetguard.proxy.requests")
                .description("Requests answered by the metering proxy, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
