package dev.budgetguard.ingest.proxy;

import dev.budgetguard.ingest.admission.Reservation;
import dev.budgetguard.schemas.pricing.PriceBook;
import dev.budgetguard.schemas.spool.SpoolClosedException;
import dev.budgetguard.schemas.spool.SpoolFullException;
import dev.budgetguard.schemas.spool.SpoolIoException;
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

    /** Status recorded when the client left before anything was answered (nginx's "client closed request"). */
    static final int CLIENT_CLOSED = 499;

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

    /**
     * Spools the refusal of a request on {@code endpoint} that was not forwarded; {@code request} is {@code null} when
     * it was refused before its body was read.
     */
    void refuse(
            ProviderEndpoint endpoint,
            String requestId,
            String tenantId,
            MeteredRequest request,
            Instant at,
            int httpStatus,
            String errorCode) {
        refuse(UsageRecord.refusal(
                requestId,
                tenantId,
                endpoint.provider(),
                endpoint.route(),
                request == null ? null : request.model(),
                request != null && request.stream(),
                at,
                httpStatus,
                errorCode));
    }

    public void refuse(UsageRecord refusal) {
        metrics.outcome(UsageStatus.REJECTED);
        log.append(refusal).whenComplete(this::onAppended);
    }

    /** Spools the admission of a call that holds nothing (no reservation, no recorded answer). */
    public Mono<MeteredCall> admit(UsageRecord admission) {
        return admit(admission, null, null, MeteredCall.Ending.NOTHING);
    }

    /**
     * Spools the admission; fails with {@link SpoolFullException} (or another spool error) when it was not taken, and
     * then releases {@code reservation}, as it does when the wait for a durable admission is cancelled.
     */
    Mono<MeteredCall> admit(
            UsageRecord admission, Reservation reservation, AnswerRecorder recorder, MeteredCall.Ending ending) {
        CompletableFuture<Void> appended = log.append(admission);
        if (appended.isCompletedExceptionally()) {
            if (reservation != null) {
                reservation.release();
            }
            return Mono.error(failureOf(appended));
        }
        MeteredCall call = new MeteredCall(this, admission, reservation, recorder, ending);
        if (!awaitAdmission) {
            appended.whenComplete(this::onAppended);
            return Mono.just(call);
        }
        return Mono.fromFuture(appended, true)
                .thenReturn(call)
                // Taken but not made durable: the call never starts, and its hold must go.
                .doOnError(failure -> call.abandon())
                .doOnCancel(() -> call.finish(UsageStatus.CLIENT_ABORTED, CLIENT_CLOSED, "client_aborted"));
    }

    /** Whether a failed admission means the spool did not take it (full, closed, failing): the call is shed. */
    static boolean isSpoolRefusal(Throwable failure) {
        return failure instanceof SpoolFullException
                || failure instanceof SpoolClosedException
                || failure instanceof SpoolIoException;
    }

    void implausibleUsage() {
        metrics.implausibleUsage();
    }

    /** Counts a call shed because its admission could not be spooled. */
    public void shed() {
        metrics.spoolFull();
    }

    /** Writes the call's completion, priced from the counted tokens, and returns it. */
    UsageRecord complete(
            MeteredCall call,
            UsageStatus status,
            int httpStatus,
            TokenUsage counted,
            long latencyMicros,
            String errorCode) {
        UsageRecord admission = call.admission();
        ServiceTier tier = call.serviceTier();
        Cost cost = costOf(call, counted, tier.batch());
        if (cost.isKnown() && cost.amountUsd().compareTo(MAX_RECORDED_COST) > 0) {
            // Treated like malformed usage: tokens unknown, never a priced amount the lake cannot hold.
            metrics.implausibleUsage();
            counted = null;
            cost = unknownCost(admission);
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
        return completion;
    }

    /**
     * The rule in {@link MeteredCall}: the provider's own error answer costs nothing (providers do not bill errors),
     * and so does a call never sent; any other ending (answered, cut, too large, timed out, client gone) is priced
     * from the usage when it is known, else costs the estimate.
     */
    private Cost costOf(MeteredCall call, TokenUsage counted, boolean batch) {
        if (call.providerErrorAnswered()) {
            return Cost.NONE;
        }
        if (counted == null) {
            // Never sent: nothing to bill. Sent: tokens were (or may have been) consumed but are not known, so the
            // reservation's estimate, never $0.
            return call.forwarded() ? unknownCost(call.admission()) : Cost.NONE;
        }
        return prices.cost(call.admission().model(), call.admission().createdAt(), counted, batch);
    }

    /**
     * The cost of a forwarded call whose tokens are not known: the estimate its admission carries, or unpriced when
     * there was none (a model without a price in force, or a call admitted without an estimate).
     */
    private static Cost unknownCost(UsageRecord admission) {
        Cost estimate = admission.cost();
        return estimate.status() == CostStatus.ESTIMATED ? estimate : Cost.unpriced();
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
