package dev.budgetguard.schemas.pricing;

import dev.budgetguard.schemas.usage.TokenUsage;
import java.math.BigDecimal;

/**
 * USD per 1M tokens for each priced dimension of a request. Cache rates a provider does not have fall back to the
 * input rate, so that a missing figure never prices a token at $0.
 */
public record TokenRates(
        BigDecimal inputPerMillion,
        BigDecimal cachedInputPerMillion,
        BigDecimal cacheWrite5mPerMillion,
        BigDecimal cacheWrite1hPerMillion,
        BigDecimal outputPerMillion) {

    /** Decimal places a per-1M rate may have, so that every cost fits the lake's scale exactly. */
    public static final int RATE_SCALE = 6;

    public TokenRates {
        requireRate("input_per_million", inputPerMillion);
        requireRate("output_per_million", outputPerMillion);
        cachedInputPerMillion = cachedInputPerMillion == null ? inputPerMillion : cachedInputPerMillion;
        cacheWrite5mPerMillion = cacheWrite5mPerMillion == null ? inputPerMillion : cacheWrite5mPerMillion;
        cacheWrite1hPerMillion = cacheWrite1hPerMillion == null ? inputPerMillion : cacheWrite1hPerMillion;
        requireRate("cached_input_per_million", cachedInputPerMillion);
        requireRate("cache_write_5m_per_million", cacheWrite5mPerMillion);
        requireRate("cache_write_1h_per_million", cacheWrite1hPerMillion);
    }

    /** Input and output only; every cache rate is the input rate. */
    public static TokenRates of(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
        return new TokenRates(inputPerMillion, null, null, null, outputPerMillion);
    }

    /** Tokens times rates, still per 1M: the caller moves the point six places left, so the sum stays exact. */
    BigDecimal perMillionTimes(TokenUsage usage) {
        return inputPerMillion
                .multiply(BigDecimal.valueOf(usage.uncachedInputTokens()))
                .add(cachedInputPerMillion.multiply(BigDecimal.valueOf(usage.cachedInputTokens())))
                .add(cacheWrite5mPerMillion.multiply(BigDecimal.valueOf(usage.cacheWrite5mTokens())))
                .add(cacheWrite1hPerMillion.multiply(BigDecimal.valueOf(usage.cacheWrite1hTokens())))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(usage.outputTokens())));
    }

    /** Equal by value, whatever the scale ({@code 2.5} and {@code 2.500000} are the same rate). */
    public boolean sameAs(TokenRates other) {
        return other != null
                && inputPerMillion.compareTo(other.inputPerMillion) == 0
                && cachedInputPerMillion.compareTo(other.cachedInputPerMillion) == 0
                && cacheWrite5mPerMillion.compareTo(other.cacheWrite5mPerMillion) == 0
                && cacheWrite1hPerMillion.compareTo(other.cacheWrite1hPerMillion) == 0
                && outputPerMillion.compareTo(other.outputPerMillion) == 0;
    }

    private static void requireRate(String field, BigDecimal rate) {
        if (rate == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (rate.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + rate.toPlainString());
        }
        if (rate.stripTrailingZeros().scale() > RATE_SCALE) {
            throw new IllegalArgumentException(
                    field + " has more than " + RATE_SCALE + " decimal places: " + rate.toPlainString());
        }
    }
}
