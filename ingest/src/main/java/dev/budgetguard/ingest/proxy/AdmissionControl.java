package dev.budgetguard.ingest.proxy;

import dev.budgetguard.ingest.admission.Admission;
import dev.budgetguard.ingest.admission.AdmissionProperties;
import dev.budgetguard.ingest.admission.CostEstimate;
import dev.budgetguard.ingest.admission.CostEstimator;
import dev.budgetguard.ingest.admission.Reservation;
import dev.budgetguard.ingest.admission.SpendLedger;
import dev.budgetguard.ingest.ratelimit.RateDecision;
import dev.budgetguard.ingest.ratelimit.RateLimiter;
import java.time.Instant;

/**
 * The caps of the hot path, decided in memory: the request's worst-case cost is reserved on every active budget of
 * the tenant, then its request and prompt tokens are counted against the tenant's rate limits. A rate refusal
 * releases the reservation it just took, so a refused request consumes neither money nor quota. A model without a
 * price in force cannot be capped, so a tenant with an active budget is refused it (unless configured otherwise).
 */
final class AdmissionControl {

    private final CostEstimator estimator;
    private final SpendLedger ledger;
    private final RateLimiter limiter;
    private final long loopTokenizerChars;
    private final boolean refuseUnpriced;

    /**
     * @param loopTokenizerChars most prompt characters tokenized on the event loop; a longer prompt is counted on a
     *     worker thread first ({@link #estimatesOnTheLoop})
     */
    AdmissionControl(
            CostEstimator estimator,
            SpendLedger ledger,
            RateLimiter limiter,
            long loopTokenizerChars,
            AdmissionProperties properties) {
        this.estimator = estimator;
        this.ledger = ledger;
        this.limiter = limiter;
        this.loopTokenizerChars = loopTokenizerChars;
        this.refuseUnpriced = properties.refusesUnpricedModels();
    }

    /** What admission decided for one request. */
    sealed interface Decision {}

    /** Go ahead: {@code reservation} holds {@code estimate} until the call's completion settles or releases it. */
    record Admitted(CostEstimate estimate, Reservation reservation) implements Decision {}

    /** Not forwarded; nothing held or counted. {@code retryAfterSeconds} is 0 unless rate limited. */
    record Refused(ProxyError error, long retryAfterSeconds) implements Decision {}

    /** Whether the request's estimate is cheap enough to make on the event loop. */
    boolean estimatesOnTheLoop(MeteredRequest request) {
        return estimator.tokenizerWork(request.model(), request.prompt()) <= loopTokenizerChars;
    }

    /** The request's worst-case cost; pure, so it may run anywhere and be dropped. */
    CostEstimate estimate(MeteredRequest request, Instant at) {
        return estimator.estimate(request.model(), at, request.prompt(), request.maxOutputTokens(), request.choices());
    }

    /** Reserves {@code estimate} of a call to {@code model} and counts the rate limits, all or nothing. */
    Decision admit(String tenantId, String model, CostEstimate estimate, Instant at) {
        if (!estimate.priced() && refuseUnpriced && ledger.capped(tenantId, at)) {
            return new Refused(Refusals.modelUnpriced(model), 0);
        }
        Admission admission = ledger.tryAdmit(tenantId, estimate.amountUsd(), at);
        if (admission instanceof Admission.Refused refused) {
            return new Refused(Refusals.budgetExceeded(refused, estimate), 0);
        }
        Reservation reservation = ((Admission.Admitted) admission).reservation();
        RateDecision rate = limiter.tryAcquire(tenantId, estimate.promptTokens(), at);
        if (rate instanceof RateDecision.Limited limited) {
            reservation.release();
            return new Refused(Refusals.rateLimited(limited), limited.retryAfterSeconds());
        }
        return new Admitted(estimate, reservation);
    }

    /** Counts the output tokens a call really produced against the tenant's tokens per minute. */
    void recordOutput(String tenantId, long outputTokens, Instant at) {
        if (outputTokens > 0) {
            limiter.recordTokens(tenantId, outputTokens, at);
        }
    }
}
