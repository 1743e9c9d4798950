package dev.budgetguard.ingest.proxy;

import dev.budgetguard.ingest.admission.Admission;
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
 * releases the reservation it just took, so a refused request consumes neither money nor quota.
 */
final class AdmissionControl {

    private final CostEstimator estimator;
    private final SpendLedger ledger;
    private final RateLimiter limiter;

    AdmissionControl(CostEstimator estimator, SpendLedger ledger, RateLimiter limiter) {
        this.estimator = estimator;
        this.ledger = ledger;
        this.limiter = limiter;
    }

    /** What admission decided for one request. */
    sealed interface Decision {}

    /** Go ahead: {@code reservation} holds {@code estimate} until the call's completion settles or releases it. */
    record Admitted(CostEstimate estimate, Reservation reservation) implements Decision {}

    /** Not forwarded; nothing held or counted. {@code retryAfterSeconds} is 0 unless rate limited. */
    record Refused(ProxyError error, long retryAfterSeconds) implements Decision {}

    Decision admit(String tenantId, MeteredRequest request, Instant at) {
        CostEstimate estimate = estimator.estimate(request.model(), at, request.prompt(), request.maxOutputTokens());
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
