package dev.budgetguard.ingest.proxy;

import dev.budgetguard.schemas.pricing.PriceBook;
import dev.budgetguard.schemas.spool.SpoolFullException;
import dev.budgetguard.schemas.spool.UsageLog;
import dev.budgetguard.schemas.usage.Cost;
import dev.budgetguard.schemas.usage.CostStatus;
import dev.budgetguard.schemas.usage.ServiceTier;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Writes the spool records of proxied calls: a refusal for a call that is not forwarded, an admission before one that
 * is, and exactly one completion after it, priced from the counted tokens.
 */
public final class Metering {

    private static final Logger LOG = LoggerFactory.getLogger(Metering.class);

    /**
     * Largest cost one record may carry: the lake stores {@code cost_usd} as DECIMAL(18,12), and a priced amount past
     * it would fail the rollup of the whole segment. No real call comes near it; one that does is bad usage data.
     */
    static final BigDecimal MAX_RECORDED_COST = new BigDecimal("999999.999999999999");

    private final UsageLog log;
    private final PriceBook prices;
    private final Clock clock;
    private final ProxyMetrics metrics;
    private final boolean awaitAdmission;

    /**
     * @param awaitAdmission whether forwarding waits until the admission is durable (fsync policy {@code always});
     *     otherwise only a refused append stops the call
     */
    public Metering(UsageLog log, PriceBook prices, Clock clock, ProxyMetrics metrics, boolean awaitAdmission) {
        this.log = log;
        this.prices = prices;
        this.clock = clock;
        this.metrics = metrics;
        this.awaitAdmission = awaitAdmission;
    }

    public String newRequestId() {
        return RequestIds.next(clock.millis());
    }

    public Instant now() {
        return clock.instant();
    }

    /** Whether {@link #admit} completes off the event loop, on the spool's writer thread. */
    public boolean awaitsAdmission() {
        return awaitAdmission;
    }

    public void refuse(UsageRecord refusal) {
        metrics.outcome(UsageStatus.REJECTED);
        log.append(refusal).whenComplete(this::onAppended);
    }

    /** Spools the admission; fails with {@link SpoolFullException} (or another spool error) when it was not taken. */
    public Mono<MeteredCall> admit(UsageRecord admission) {
        CompletableFuture<Void> appended = log.append(admission);
        MeteredCall call = new MeteredCall(this, admission);
        if (appended.isCompletedExceptionally()) {
            return Mono.error(failureOf(appended));
        }
        if (!awaitAdmission) {
            appended.whenComplete(this::onAppended);
            return Mono.just(call);
        }
        return Mono.fromFuture(appended, true).thenReturn(call);
    }

    void implausibleUsage() {
        metrics.implausibleUsage();
    }

    /** Counts a call shed because its admission could not be spooled. */
    public void shed() {
        metrics.spoolFull();
    }

    void complete(
            UsageRecord admission,
            UsageStatus status,
            int httpStatus,
            TokenUsage counted,
            ServiceTier tier,
            long latencyMicros,
            String errorCode) {
        Cost cost = costOf(admission, status, counted, tier.batch());
        if (cost.isKnown() && cost.amountUsd().compareTo(MAX_RECORDED_COST) > 0) {
            // Treated like malformed usage: tokens and cost unknown, never a priced amount the lake cannot hold.
            metrics.implausibleUsage();
            counted = null;
            cost = Cost.unpriced();
            status = status == UsageStatus.OK ? UsageStatus.USAGE_MISSING : status;
        }
        if (counted != null && cost.status() == CostStatus.UNPRICED) {
            metrics.unpriced();
        }
        TokenUsage usage = counted == null ? TokenUsage.ZERO : counted;
        UsageRecord completion =
                admission.complete(clock.instant(), status, httpStatus, usage, cost, latencyMicros, errorCode, tier);
        metrics.outcome(status);
        log.append(completion).whenComplete(this::onAppended);
    }

    private Cost costOf(UsageRecord admission, UsageStatus status, TokenUsage counted, boolean batch) {
        if (status == UsageStatus.UPSTREAM_ERROR) {
            return Cost.NONE;
        }
        if (counted == null) {
            // Tokens were (or may have been) consumed but are not known: unknown, never $0.
            return Cost.unpriced();
        }
        return prices.cost(admission.model(), admission.createdAt(), counted, batch);
    }

    private void onAppended(Void ignored, Throwable failure) {
        if (failure != null) {
            metrics.appendFailed();
            LOG.debug("spool_append_failed error={}", unwrap(failure).getClass().getSimpleName());
        }
    }

    private static Throwable failureOf(CompletableFuture<Void> failed) {
        try {
            failed.getNow(null);
            return new IllegalStateException("append failed without a cause");
        } catch (CompletionException e) {
            return unwrap(e);
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
