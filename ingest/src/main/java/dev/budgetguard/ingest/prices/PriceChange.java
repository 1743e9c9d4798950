package dev.budgetguard.ingest.prices;

import dev.budgetguard.schemas.pricing.LongContextTier;
import dev.budgetguard.schemas.pricing.ModelPrice;
import dev.budgetguard.schemas.pricing.TokenRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A new price for a model from a day on. {@code provider} and {@code maxOutputTokens} may be left out to keep the
 * current version's; a model's first version needs both.
 */
public record PriceChange(
        String model,
        LocalDate effectiveFrom,
        String provider,
        TokenRates rates,
        Long maxOutputTokens,
        LongContextTier longContext,
        BigDecimal batchDiscount,
        String source) {

    public PriceChange {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The version this change adds after {@code latest}, the model's newest version.
     *
     * @throws PriceHistoryRewriteException when it would start on or before {@code latest}'s first day
     */
    ModelPrice versionAfter(Optional<ModelPrice> latest) {
        if (latest.isPresent() && !effectiveFrom.isAfter(latest.get().effectiveFrom())) {
            throw new PriceHistoryRewriteException(model, latest.get().effectiveFrom(), effectiveFrom);
        }
        String newProvider = provider != null
                ? provider
                : latest.map(ModelPrice::provider)
                        .orElseThrow(() -> new InvalidPriceChangeException(
                                "provider", "'provider' is required for the first price of " + model + "."));
        long newMaxOutput = maxOutputTokens != null
                ? maxOutputTokens
                : latest.map(ModelPrice::maxOutputTokens)
                        .orElseThrow(() -> new InvalidPriceChangeException(
                                "maxOutputTokens",
                                "'maxOutputTokens' is required for the first price of " + model + "."));
        return new ModelPrice(model, newProvider, effectiveFrom, null, rates, newMaxOutput, longContext, batchDiscount);
    }
}
