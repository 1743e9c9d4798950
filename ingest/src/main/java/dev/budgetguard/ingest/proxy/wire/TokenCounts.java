package dev.budgetguard.ingest.proxy.wire;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Reads token counts from a provider's usage object, believing none past a plausibility cap. */
public final class TokenCounts {

    /**
     * Largest token count of one field believed. The biggest context windows are a few million tokens; a count past
     * this is a broken or hostile upstream, and priced it would overflow the lake's DECIMAL(18,12) cost column.
     */
    public static final long MAX_PLAUSIBLE = 100_000_000L;

    private TokenCounts() {}

    /**
     * The count the parser is positioned on; -1 (value skipped) when it is not an integer.
     *
     * @throws ImplausibleCountException when it is past {@link #MAX_PLAUSIBLE}
     */
    public static long count(JsonParser p, JsonToken value) {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            p.skipChildren();
            return -1;
        }
        if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG
                || p.getLongValue() > MAX_PLAUSIBLE) {
            throw new ImplausibleCountException();
        }
        return Math.max(0, p.getLongValue());
    }

    /** A count that is 0 when absent or not an integer. */
    public static long countOrZero(JsonParser p, JsonToken value) {
        return Math.max(0, count(p, value));
    }
}
