package dev.budgetguard.ingest.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.schemas.pricing.ModelPrice;
import dev.budgetguard.schemas.pricing.PriceBook;
import dev.budgetguard.schemas.spool.SpoolCounters;
import dev.budgetguard.schemas.spool.UsageLog;
import dev.budgetguard.schemas.usage.CostStatus;
import dev.budgetguard.schemas.usage.RecordKind;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class MeteringTest {

    static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    /** Keeps what is appended, in memory. */
    static final class ListLog implements UsageLog {
        final List<UsageRecord> records = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> append(UsageRecord record) {
            records.add(record);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void roll() {}

        @Override
        public SpoolCounters counters() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }

    static PriceBook perMillion(String rate) {
        ModelPrice price = new ModelPrice(
                "pricey",
                "openai",
                LocalDate.of(2026, 1, 1),
                null,
                new BigDecimal(rate),
                null,
                null,
                null,
                new BigDecimal(rate),
                1000);
        return (model, at) -> Optional.of(price);
    }

    static UsageRecord complete(PriceBook prices, SimpleMeterRegistry registry, ListLog log, TokenUsage usage) {
        Metering metering =
                new Metering(log, prices, Clock.fixed(AT, ZoneOffset.UTC), new ProxyMetrics(registry), false);
        MeteredCall call = metering.admit(
                        UsageRecord.admission("req-1", "acme", "openai", "/v1/chat/completions", "pricey", false, AT))
                .block();
        call.usage(usage);
        call.finish(UsageStatus.OK, 200, null);
        return log.records.stream()
                .filter(r -> r.kind() == RecordKind.COMPLETION)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aCostPastTheLakesRangeIsNeverRecordedAsPriced() {
        // given $20,000 per 1M tokens and 50M plausible input tokens: $1,000,000, past DECIMAL(18,12)
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        // when
        UsageRecord completion = complete(perMillion("20000"), registry, new ListLog(), TokenUsage.of(50_000_000, 0));

        // then
        assertThat(completion.status()).isEqualTo(UsageStatus.USAGE_MISSING);
        assertThat(completion.cost().status()).isEqualTo(CostStatus.UNPRICED);
        assertThat(completion.usage()).isEqualTo(TokenUsage.ZERO);
        assertThat(registry.counter("budgetguard.proxy.usage.implausible").count())
                .isEqualTo(1.0);
    }

    @Test
    void theLargestStorableCostIsStillPriced() {
        // given $20,000 per 1M tokens and 49,999,999 tokens: $999,999.98
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        // when
        UsageRecord completion = complete(perMillion("20000"), registry, new ListLog(), TokenUsage.of(49_999_999, 0));

        // then
        assertThat(completion.status()).isEqualTo(UsageStatus.OK);
        assertThat(completion.cost().status()).isEqualTo(CostStatus.PRICED);
        assertThat(completion.cost().amountUsd()).isEqualByComparingTo("999999.98");
        assertThat(registry.counter("budgetguard.proxy.usage.implausible").count())
                .isZero();
    }
}
