package dev.budgetguard.schemas.pricing;

import dev.budgetguard.schemas.usage.Cost;
import dev.budgetguard.schemas.usage.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Prices a request with the list price in force at its timestamp. */
public interface PriceBook {

    /** The price version in force for a model (any dated snapshot id is accepted) at an instant. */
    Optional<ModelPrice> priceAt(String model, Instant at);

    /** Exact cost of counted tokens, or {@link Cost#unpriced()} when no price is in force. */
    default Cost cost(String model, Instant at, TokenUsage usage) {
        return priceAt(model, at)
                .map(price -> Cost.priced(amount(price, usage), price.version()))
                .orElseGet(Cost::unpriced);
    }

    /** Tokens times rates; rates are per 1M, so the sum moves six places left and stays exact. */
    static BigDecimal amount(ModelPrice price, TokenUsage usage) {
        BigDecimal perMillion = price.inputPerMillion()
                .multiply(BigDecimal.valueOf(usage.uncachedInputTokens()))
                .add(price.cachedInputPerMillion().multiply(BigDecimal.valueOf(usage.cachedInputTokens())))
                .add(price.cacheWrite5mPerMillion().multiply(BigDecimal.valueOf(usage.cacheWrite5mTokens())))
                .add(price.cacheWrite1hPerMillion().multiply(BigDecimal.valueOf(usage.cacheWrite1hTokens())))
                .add(price.outputPerMillion().multiply(BigDecimal.valueOf(usage.outputTokens())));
        return perMillion.movePointLeft(6);
    }
}
