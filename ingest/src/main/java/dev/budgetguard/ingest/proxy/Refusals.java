package dev.budgetguard.ingest.proxy;

import dev.budgetguard.ingest.admission.Admission;
import dev.budgetguard.ingest.admission.CostEstimate;
import dev.budgetguard.ingest.ratelimit.RateDecision;
import java.math.BigDecimal;

/**
 * The answers of cap refusals, in OpenAI's terms: 402 {@code budget_exceeded} naming the budget, its period, what
 * remains (exact decimal) and the request's estimate; 429 {@code rate_limit_exceeded} with the wait in whole seconds.
 * Only figures of the tenant's own budget go into them, never anything of the request.
 */
final class Refusals {

    static final String BUDGET_EXCEEDED = "budget_exceeded";
    static final String RATE_LIMIT_EXCEEDED = "rate_limit_exceeded";
    static final String MODEL_UNPRICED = "model_unpriced";

    private Refusals() {}

    static ProxyError budgetExceeded(Admission.Refused refused, CostEstimate estimate) {
        String message =
                "Budget " + refused.budgetId() + " (" + refused.period().name() + ", "
                        + refused.window().start() + " to " + refused.window().end() + ") has $"
                        + usd(refused.remainingUsd()) + " of $"
                        + usd(refused.limitUsd())
                        + " remaining; this request's worst-case cost is $"
                        + usd(estimate.amountUsd()) + ".";
        return new ProxyError(402, BUDGET_EXCEEDED, null, BUDGET_EXCEEDED, message);
    }

    /**
     * A capped tenant asking for a model with no price in force: its cost could not be held against the budget. The
     * model id is safe to quote, having passed the plausibility check (visible characters only, at most 256).
     */
    static ProxyError modelUnpriced(String model) {
        String message =
                "Model " + model + " has no price in force; tenants with a budget can only use priced" + " models.";
        return new ProxyError(402, BUDGET_EXCEEDED, "model", MODEL_UNPRICED, message);
    }

    /** Exact, without trailing zeros past the cents: {@code 0.35}, {@code 0.00}, {@code 0.000012}. */
    static String usd(BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        return (plain.scale() < 2 ? plain.setScale(2) : plain).toPlainString();
    }

    static ProxyError rateLimited(RateDecision.Limited limited) {
        String what = limited.dimension() == RateDecision.Dimension.REQUESTS ? "requests" : "tokens";
        String message = "Rate limit of " + limited.limit() + " " + what + " per minute reached; retry after "
                + limited.retryAfterSeconds() + " seconds.";
        return new ProxyError(429, RATE_LIMIT_EXCEEDED, null, RATE_LIMIT_EXCEEDED, message);
    }
}
