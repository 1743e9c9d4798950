package dev.budgetguard.schemas.pricing;

import dev.budgetguard.schemas.usage.Cost;
import dev.budgetguard.schemas.usage.TokenUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/** Prices a request with the list price in force at its timestamp. */
public interface PriceBook {

    /**
     * The price version in force for a model at an instant. A price stored for the exact id ({@link ModelIds#exact})
     * wins, also over an alias or a date suffix; otherwise the id resolves through {@link ModelIds#canonical} (dated
     * snapshots, documented aliases).
     */
    Optional<ModelPrice> priceAt(String model, Instant at);

    /** Exact cost of counted tokens at standard (non-batch) prices, or {@link Cost#unpriced()}. */
    default Cost cost(String model, Instant at, TokenUsage usage) {
        return cost(model, at, usage, false);
    }

    /** Exact cost of counted tokens, or {@link Cost#unpriced()} when no price is in force. */
    default Cost cost(String model, Instant at, TokenUsage usage, boolean batch) {
        return priceAt(model, at)
                .map(price -> Cost.priced(amount(price, usage, batch), price.version()))
                .orElseGet(Cost::unpriced);
    }

    /** Tokens times rates at standard prices; rates are per 1M, so the sum moves six places left and stays exact. */
    static BigDecimal amount(ModelPrice price, TokenUsage usage) {
        return amount(price, usage, false);
    }

    /**
     * Tokens times the rates that apply (long-context tier above its threshold), less the batch discount. Without a
     * discount the amount is exact; with one it can need a digit more than {@link Cost#SCALE}, so it is rounded half
     * up to that scale (a millionth of a millionth of a dollar).
     */
    static BigDecimal amount(ModelPrice price, TokenUsage usage, boolean batch) {
        BigDecimal amount = price.ratesFor(usage).perMillionTimes(usage).movePointLeft(6);
        if (!batch || price.batchDiscount() == null) {
            return amount;
        }
        BigDecimal discounted = amount.multiply(BigDecimal.ONE.subtract(price.batchDiscount()));
        return discounted.scale() > Cost.SCALE ? discounted.setScale(Cost.SCALE, RoundingMode.HALF_UP) : discounted;
    }
}
