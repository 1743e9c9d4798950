package dev.budgetguard.schemas.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One version of a model's list price, in USD per 1M tokens, in force over the half-open UTC range
 * {@code [effectiveFrom, effectiveTo)}.
 *
 * <p>Cache rates that a provider does not have fall back to the input rate, so that a missing figure never prices a
 * token at $0.
 *
 * @param effectiveTo exclusive end, {@code null} while the price is current
 * @param maxOutputTokens the model's output ceiling, used when a request states no bound of its own
 */
public record ModelPrice(
        String model,
        String provider,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        BigDecimal inputPerMillion,
        BigDecimal cachedInputPerMillion,
        BigDecimal cacheWrite5mPerMillion,
        BigDecimal cacheWrite1hPerMillion,
        BigDecimal outputPerMillion,
        long maxOutputTokens) {

    /** Decimal places a per-1M rate may have, so that every cost fits the lake's scale exactly. */
    public static final int RATE_SCALE = 6;

    public ModelPrice {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(effectiveFrom, "effective_from");
        if (effectiveTo != null && !effectiveTo.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException(
                    "effective_to " + effectiveTo + " must be after effective_from " + effectiveFrom + " for " + model);
        }
        requireRate("input_per_million", inputPerMillion);
        requireRate("output_per_million", outputPerMillion);
        cachedInputPerMillion = cachedInputPerMillion == null ? inputPerMillion : cachedInputPerMillion;
        cacheWrite5mPerMillion = cacheWrite5mPerMillion == null ? inputPerMillion : cacheWrite5mPerMillion;
        cacheWrite1hPerMillion = cacheWrite1hPerMillion == null ? inputPerMillion : cacheWrite1hPerMillion;
        requireRate("cached_input_per_million", cachedInputPerMillion);
        requireRate("cache_write_5m_per_million", cacheWrite5mPerMillion);
        requireRate("cache_write_1h_per_million", cacheWrite1hPerMillion);
        if (maxOutputTokens <= 0) {
            throw new IllegalArgumentException("max_output_tokens must be positive for " + model);
        }
    }

    /** Stable id of this price version, recorded on every row it prices. */
    public String version() {
        return model + "@" + effectiveFrom;
    }

    public boolean inForceAt(Instant at) {
        Instant from = effectiveFrom.atStartOfDay(ZoneOffset.UTC).toInstant();
        return !at.isBefore(from)
                && (effectiveTo == null
                        || at.isBefore(effectiveTo.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    private static void requireRate(String field, BigDecimal rate) {
        if (rate == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (rate.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + rate);
        }
        if (rate.stripTrailingZeros().scale() > RATE_SCALE) {
            throw new IllegalArgumentException(field + " has more than " + RATE_SCALE + " decimal places: " + rate);
        }
    }
}
