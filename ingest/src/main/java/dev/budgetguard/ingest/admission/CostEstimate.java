package dev.budgetguard.ingest.admission;

import dev.budgetguard.schemas.usage.Cost;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A request's worst-case cost, as reserved at admission.
 *
 * @param amountUsd exact upper bound in USD; zero when the model has no price in force (it is served, and its cost
 *     is unknown rather than estimated)
 * @param promptTokens the upper bound on input tokens the amount was computed from (also what tokens-per-minute
 *     limits count at admission)
 * @param outputTokens the upper bound on output tokens
 * @param priceVersion the price version used, {@code null} when the model is unpriced
 */
public record CostEstimate(BigDecimal amountUsd, long promptTokens, long outputTokens, String priceVersion) {

    public CostEstimate {
        Objects.requireNonNull(amountUsd, "amountUsd");
        if (amountUsd.signum() < 0) {
            throw new IllegalArgumentException("amountUsd: must be >= 0, was " + amountUsd.toPlainString());
        }
        if (promptTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("promptTokens, outputTokens: must be >= 0");
        }
    }

    public boolean priced() {
        return priceVersion != null;
    }

    /** The estimate as a record's cost: {@code estimated}, or {@code unpriced} when there was no price to use. */
    public Cost cost() {
        return priced() ? Cost.estimated(amountUsd, priceVersion) : Cost.unpriced();
    }
}
