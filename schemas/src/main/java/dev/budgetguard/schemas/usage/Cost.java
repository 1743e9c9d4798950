package dev.budgetguard.schemas.usage;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The cost of one request in USD, with how it was obtained.
 *
 * @param amountUsd exact amount; {@code null} only when {@link CostStatus#UNPRICED}, because an unknown price is not $0
 * @param status how the amount was obtained
 * @param priceVersion the price version that priced it, {@code null} when no price was used
 */
public record Cost(BigDecimal amountUsd, CostStatus status, String priceVersion) {

    /** Digits after the decimal point that every stored amount fits in (the lake's DECIMAL scale). */
    public static final int SCALE = 12;

    public static final Cost NONE = new Cost(BigDecimal.ZERO, CostStatus.NONE, null);

    public Cost {
        Objects.requireNonNull(status, "status");
        if (status == CostStatus.UNPRICED) {
            if (amountUsd != null) {
                throw new IllegalArgumentException("an unpriced cost has no amount, got " + amountUsd);
            }
        } else {
            Objects.requireNonNull(amountUsd, "amountUsd");
            if (amountUsd.signum() < 0) {
                throw new IllegalArgumentException("cost_usd must not be negative, was " + amountUsd);
            }
            if (amountUsd.stripTrailingZeros().scale() > SCALE) {
                throw new IllegalArgumentException("cost_usd has more than " + SCALE
                        + " decimal places and cannot be stored exactly: " + amountUsd);
            }
        }
    }

    public static Cost priced(BigDecimal amountUsd, String priceVersion) {
        return new Cost(amountUsd, CostStatus.PRICED, Objects.requireNonNull(priceVersion, "priceVersion"));
    }

    /**
     * An upper-bound estimate standing in for a cost that could not be counted: a reservation's worst case, carried
     * by an admission and by a completion whose usage is missing. It counts against caps like a priced amount.
     */
    public static Cost estimated(BigDecimal amountUsd) {
        return new Cost(amountUsd, CostStatus.ESTIMATED, null);
    }

    /** An estimate made with the price version {@code priceVersion}. */
    public static Cost estimated(BigDecimal amountUsd, String priceVersion) {
        return new Cost(amountUsd, CostStatus.ESTIMATED, priceVersion);
    }

    public static Cost unpriced() {
        return new Cost(null, CostStatus.UNPRICED, null);
    }

    public boolean isKnown() {
        return amountUsd != null;
    }
}
