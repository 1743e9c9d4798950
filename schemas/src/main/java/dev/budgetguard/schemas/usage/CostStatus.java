package dev.budgetguard.schemas.usage;

import java.util.Locale;

/** How a record's cost was obtained. */
public enum CostStatus {
    /** Priced exactly from counted tokens and the price in force. */
    PRICED,
    /** The model has no price in force: cost is unknown, never zero. */
    UNPRICED,
    /** Usage was missing; the cost is an upper-bound estimate. */
    ESTIMATED,
    /** Nothing billable happened (refusal, upstream error before any token). */
    NONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CostStatus fromWire(String value) {
        for (CostStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown cost status '" + value + "'");
    }
}
