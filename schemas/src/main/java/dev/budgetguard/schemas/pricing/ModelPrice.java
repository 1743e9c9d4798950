package dev.budgetguard.schemas.pricing;

import dev.budgetguard.schemas.usage.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One version of a model's list price, in USD per 1M tokens, in force over the half-open UTC range
 * {@code [effectiveFrom, effectiveTo)}.
 *
 * @param effectiveTo exclusive end, {@code null} while the price is current
 * @param rates the standard rates; cache rates a provider does not have are the input rate, never $0
 * @param maxOutputTokens the model's output ceiling, used when a request states no bound of its own
 * @param longContext premium rates for requests above a size, {@code null} when the model has none
 * @param batchDiscount fraction taken off batch requests ({@code 0.5} = half price), {@code null} when no batch
 *     price is known: batch requests are then priced at the standard rates, an overestimate rather than a guess
 */
public record ModelPrice(
        String model,
        String provider,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        TokenRates rates,
        long maxOutputTokens,
        LongContextTier longContext,
        BigDecimal batchDiscount) {

    /** Decimal places a per-1M rate may have, so that every cost fits the lake's scale exactly. */
    public static final int RATE_SCALE = TokenRates.RATE_SCALE;

    public ModelPrice {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(effectiveFrom, "effective_from");
        Objects.requireNonNull(rates, "rates");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (effectiveTo != null && !effectiveTo.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException(
                    "effective_to " + effectiveTo + " must be after effective_from " + effectiveFrom + " for " + model);
        }
        if (maxOutputTokens <= 0) {
            throw new IllegalArgumentException("max_output_tokens must be positive for " + model);
        }
        if (batchDiscount != null
                && (batchDiscount.signum() < 0
                        || batchDiscount.compareTo(BigDecimal.ONE) >= 0
                        || batchDiscount.stripTrailingZeros().scale() > RATE_SCALE)) {
            throw new IllegalArgumentException("batch_discount must be a fraction in [0, 1) with at most " + RATE_SCALE
                    + " decimal places, was " + batchDiscount.toPlainString());
        }
    }

    /** The standard rates only, as the bundled table had them before tiers and batch discounts. */
    public ModelPrice(
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
        this(
                model,
                provider,
                effectiveFrom,
                effectiveTo,
                new TokenRates(
                        inputPerMillion,
                        cachedInputPerMillion,
                        cacheWrite5mPerMillion,
                        cacheWrite1hPerMillion,
                        outputPerMillion),
                maxOutputTokens,
                null,
                null);
    }

    public BigDecimal inputPerMillion() {
        return rates.inputPerMillion();
    }

    public BigDecimal cachedInputPerMillion() {
        return rates.cachedInputPerMillion();
    }

    public BigDecimal cacheWrite5mPerMillion() {
        return rates.cacheWrite5mPerMillion();
    }

    public BigDecimal cacheWrite1hPerMillion() {
        return rates.cacheWrite1hPerMillion();
    }

    public BigDecimal outputPerMillion() {
        return rates.outputPerMillion();
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

    /** The rates that price this request: the long-context tier's when the request is above its threshold. */
    public TokenRates ratesFor(TokenUsage usage) {
        return longContext != null && longContext.appliesTo(usage) ? longContext.rates() : rates;
    }

    /** This version ended (exclusive) on {@code to}; everything else unchanged. */
    public ModelPrice endingOn(LocalDate to) {
        return new ModelPrice(model, provider, effectiveFrom, to, rates, maxOutputTokens, longContext, batchDiscount);
    }

    /**
     * Whether another version charges exactly what this one does, whatever its period: a new version with the same
     * terms is not a price change.
     */
    public boolean sameTermsAs(ModelPrice other) {
        return provider.equals(other.provider)
                && maxOutputTokens == other.maxOutputTokens
                && rates.sameAs(other.rates)
                && sameTier(longContext, other.longContext)
                && sameDecimal(batchDiscount, other.batchDiscount);
    }

    private static boolean sameTier(LongContextTier a, LongContextTier b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.thresholdInputTokens() == b.thresholdInputTokens() && a.rates().sameAs(b.rates());
    }

    private static boolean sameDecimal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
