package dev.budgetguard.ingest.testing;

import dev.budgetguard.ingest.proxy.MeteredCall;
import dev.budgetguard.ingest.proxy.Metering;
import dev.budgetguard.ingest.proxy.ProxyMetrics;
import dev.budgetguard.schemas.pricing.PriceBook;
import dev.budgetguard.schemas.spool.SpoolCounters;
import dev.budgetguard.schemas.spool.UsageLog;
import dev.budgetguard.schemas.usage.RecordKind;
import dev.budgetguard.schemas.usage.UsageRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real {@link Metering} over an in-memory log at a fixed instant, for tests that drive a {@link MeteredCall} by
 * hand (an endpoint's body usage, or its stream inspector) and read the completion it writes.
 */
public final class MeteringProbe {

    private final List<UsageRecord> records = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Metering metering;
    private final Clock clock;

    public MeteringProbe(PriceBook prices, Instant at) {
        this.clock = Clock.fixed(at, ZoneOffset.UTC);
        this.metering = new Metering(new ListLog(records), prices, clock, new ProxyMetrics(registry), false);
    }

    /** An admitted call of a request for {@code model}. */
    public MeteredCall admit(String requestId, String provider, String route, String model, boolean stream) {
        return metering.admit(UsageRecord.admission(requestId, "acme", provider, route, model, stream, clock.instant()))
                .block();
    }

    /** The completion written for {@code requestId}. */
    public UsageRecord completion(String requestId) {
        return records.stream()
                .filter(r -> r.kind() == RecordKind.COMPLETION && r.requestId().equals(requestId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no completion for " + requestId));
    }

    public SimpleMeterRegistry registry() {
        return registry;
    }

    private record ListLog(List<UsageRecord> records) implements UsageLog {
        @Override
        public CompletableFuture<Void> append(UsageRecord record) {
            records.add(record);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void roll() {}

        @Override
        public SpoolCounters counters() {
            return new SpoolCounters(0, 0, 0, 0, 0, 0, 0, 0);
        }

        @Override
        public void close() {}
    }
}
