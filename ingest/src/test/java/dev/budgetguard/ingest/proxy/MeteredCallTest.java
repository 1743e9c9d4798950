package dev.budgetguard.ingest.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.budgetguard.ingest.admission.Admission;
import dev.budgetguard.ingest.admission.LockFreeSpendLedger;
import dev.budgetguard.ingest.admission.Reservation;
import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetPeriod;
import dev.budgetguard.schemas.pricing.BundledPrices;
import dev.budgetguard.schemas.spool.SpoolCounters;
import dev.budgetguard.schemas.spool.SpoolFullException;
import dev.budgetguard.schemas.spool.UsageLog;
import dev.budgetguard.schemas.usage.Cost;
import dev.budgetguard.schemas.usage.CostStatus;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What a call's end costs (the provider's error answers and unsent calls nothing; the usage, else the estimate, for
 * everything sent) and the one rule it applies to its reservation: priced or estimated settles, anything else releases.
 */
class MeteredCallTest {

    static final Instant AT = Instant.parse("2026-08-20T12:00:00Z");
    static final Cost ESTIMATE = Cost.estimated(new BigDecimal("0.40"), "gpt-4o@2024-05-13");

    final LockFreeSpendLedger ledger = new LockFreeSpendLedger();
    final MeteringTest.ListLog log = new MeteringTest.ListLog();
    final Metering metering = metering(log);

    MeteredCallTest() {
        ledger.replaceBudgets(
                "acme", List.of(new Budget("b", "acme", BudgetPeriod.DAILY, new BigDecimal("1.00"), ZoneId.of("UTC"))));
    }

    static Metering metering(UsageLog log) {
        return new Metering(
                log,
                BundledPrices.priceBook(),
                Clock.fixed(AT, ZoneOffset.UTC),
                new ProxyMetrics(new SimpleMeterRegistry()),
                false);
    }

    Reservation reserve() {
        return ((Admission.Admitted) ledger.tryAdmit("acme", new BigDecimal("0.40"), AT)).reservation();
    }

    MeteredCall admitted(Reservation reservation) {
        UsageRecord admission =
                UsageRecord.admission("r1", "acme", "openai", "/v1/chat/completions", "gpt-4o", false, AT, ESTIMATE);
        return metering.admit(admission, reservation, null, MeteredCall.Ending.NOTHING)
                .block();
    }

    BigDecimal spent() {
        return ledger.usage("acme", "b", AT).orElseThrow().spentUsd();
    }

    BigDecimal reserved() {
        return ledger.usage("acme", "b", AT).orElseThrow().reservedUsd();
    }

    @Test
    void countedUsageSettlesAtItsPrice() {
        // given
        MeteredCall call = admitted(reserve());
        call.forwarding();
        call.usage(TokenUsage.of(1200, 300));

        // when
        call.finish(UsageStatus.OK, 200, null);

        // then 1200 x $2.50 + 300 x $10.00 per 1M
        assertThat(reserved()).isEqualByComparingTo("0");
        assertThat(spent()).isEqualByComparingTo("0.006");
    }

    @Test
    void missingUsageAndAFailureAfterSendingSettleAtTheEstimate() {
        // given two calls sent to the provider, neither with usage known
        MeteredCall missing = admitted(reserve());
        missing.forwarding();
        MeteredCall cut = admitted(reserve());
        cut.forwarding();

        // when one is answered without usage and the other's stream is cut
        missing.finish(UsageStatus.USAGE_MISSING, 200, null);
        cut.finish(UsageStatus.UPSTREAM_ERROR, 200, "upstream_interrupted");
        cut.finish(UsageStatus.OK, 200, null);

        // then both cost the estimate: the provider may have billed the cut one
        assertThat(log.records.get(log.records.size() - 2).cost()).isEqualTo(ESTIMATE);
        assertThat(log.records.get(log.records.size() - 1).status()).isEqualTo(UsageStatus.UPSTREAM_ERROR);
        assertThat(log.records.get(log.records.size() - 1).cost()).isEqualTo(ESTIMATE);
        assertThat(reserved()).isEqualByComparingTo("0");
        assertThat(spent()).isEqualByComparingTo("0.80");
    }

    @Test
    void aFailureAfterTheUsageArrivedIsPricedAtThatUsage() {
        // given a sent call whose stream reported 1,000 prompt and 16,000 output tokens before it was cut
        MeteredCall call = admitted(reserve());
        call.forwarding();
        call.usage(TokenUsage.of(1_000, 16_000));

        // when
        call.finish(UsageStatus.UPSTREAM_ERROR, 200, "upstream_interrupted");

        // then 1000 x $2.50 + 16000 x $10.00 per 1M
        UsageRecord completion = log.records.get(log.records.size() - 1);
        assertThat(completion.status()).isEqualTo(UsageStatus.UPSTREAM_ERROR);
        assertThat(completion.errorCode()).isEqualTo("upstream_interrupted");
        assertThat(completion.usage().outputTokens()).isEqualTo(16_000);
        assertThat(completion.cost().status()).isEqualTo(CostStatus.PRICED);
        assertThat(completion.cost().amountUsd()).isEqualByComparingTo("0.1625");
        assertThat(reserved()).isEqualByComparingTo("0");
        assertThat(spent()).isEqualByComparingTo("0.1625");
    }

    @Test
    void theProvidersOwnErrorAnswerCostsNothingAndReleases() {
        // given a sent call the provider answered with a 500 (that even carried usage)
        MeteredCall call = admitted(reserve());
        call.forwarding();
        call.providerErrorAnswer();
        call.usage(TokenUsage.of(1_000, 16_000));

        // when
        call.finish(UsageStatus.UPSTREAM_ERROR, 500, "upstream_http_500");

        // then
        assertThat(log.records.get(log.records.size() - 1).cost()).isEqualTo(Cost.NONE);
        assertThat(reserved()).isEqualByComparingTo("0");
        assertThat(spent()).isEqualByComparingTo("0");
    }

    @Test
    void aFailureBeforeSendingCostsNothingAndReleases() {
        // given a call whose connection was refused: never forwarded
        MeteredCall call = admitted(reserve());

        // when
        call.finish(UsageStatus.UPSTREAM_ERROR, 502, "upstream_unavailable");

        // then
        assertThat(log.records.get(log.records.size() - 1).cost()).isEqualTo(Cost.NONE);
        assertThat(reserved()).isEqualByComparingTo("0");
        assertThat(spent()).isEqualByComparingTo("0");
    }

    @Test
    void aClientGoneBeforeForwardingCostsNothing() {
        // given
        MeteredCall call = admitted(reserve());

        // when
        call.finish(UsageStatus.CLIENT_ABORTED, 499, "client_aborted");

        // then
        assertThat(reserved()).isEqualByComparingTo("0");
        assertThat(spent()).isEqualByComparingTo("0");
    }

    @Test
    void anAdmissionTheSpoolRefusesReleasesItsHold() {
        // given a spool that is full
        UsageLog full = new UsageLog() {
            @Override
            public CompletableFuture<Void> append(UsageRecord record) {
                return CompletableFuture.failedFuture(new SpoolFullException(1));
            }

            @Override
            public void roll() {}

            @Override
            public SpoolCounters counters() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {}
        };
        Reservation reservation = reserve();
        UsageRecord admission =
                UsageRecord.admission("r1", "acme", "openai", "/v1/chat/completions", "gpt-4o", false, AT, ESTIMATE);

        // when / then
        assertThatThrownBy(() -> metering(full)
                        .admit(admission, reservation, null, MeteredCall.Ending.NOTHING)
                        .block())
                .isInstanceOf(SpoolFullException.class);
        assertThat(reservation.isOpen()).isFalse();
        assertThat(reserved()).isEqualByComparingTo("0");
    }
}
