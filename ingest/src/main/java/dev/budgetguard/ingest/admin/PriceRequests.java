package dev.budgetguard.ingest.admin;

import dev.budgetguard.ingest.prices.PriceChange;
import dev.budgetguard.schemas.pricing.LongContextTier;
import dev.budgetguard.schemas.pricing.ModelIds;
import dev.budgetguard.schemas.pricing.ModelPrice;
import dev.budgetguard.schemas.pricing.TokenRates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The price routes' request bodies and query values, turned into domain values or a 400 naming the bad field. */
final class PriceRequests {

    static final String ADMIN_SOURCE = "admin";

    private static final Pattern MODEL_ID = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,199}");

    private PriceRequests() {}

    /**
     * {@code PUT /admin/prices/{model}}: rates in USD per 1M tokens (JSON numbers or decimal strings), a new version
     * from {@code effectiveFrom}. Absent cache rates are the input rate; absent {@code provider} and
     * {@code maxOutputTokens} keep the current version's.
     */
    record SetPrice(
            String effectiveFrom,
            String provider,
            BigDecimal inputPerMillion,
            BigDecimal cachedInputPerMillion,
            BigDecimal cacheWrite5mPerMillion,
            BigDecimal cacheWrite1hPerMillion,
            BigDecimal outputPerMillion,
            Long maxOutputTokens,
            LongContext longContext,
            BigDecimal batchDiscount) {

        PriceChange change(String model) {
            if (maxOutputTokens != null && maxOutputTokens <= 0) {
                throw invalid("maxOutputTokens", "must be positive");
            }
            if (provider != null && !provider.matches("[a-z][a-z0-9_-]{0,63}")) {
                throw invalid("provider", "must be a lower-case provider id such as openai");
            }
            return new PriceChange(
                    model,
                    date("effectiveFrom", effectiveFrom),
                    provider,
                    new TokenRates(
                            rate("inputPerMillion", inputPerMillion, true),
                            rate("cachedInputPerMillion", cachedInputPerMillion, false),
                            rate("cacheWrite5mPerMillion", cacheWrite5mPerMillion, false),
                            rate("cacheWrite1hPerMillion", cacheWrite1hPerMillion, false),
                            rate("outputPerMillion", outputPerMillion, true)),
                    maxOutputTokens,
                    longContext == null ? null : longContext.tier(),
                    discount(batchDiscount),
                    ADMIN_SOURCE);
        }
    }

    /** Above {@code thresholdInputTokens} input tokens (cache reads and writes counted) the whole request costs these. */
    record LongContext(
            Long thresholdInputTokens,
            BigDecimal inputPerMillion,
            BigDecimal cachedInputPerMillion,
            BigDecimal cacheWrite5mPerMillion,
            BigDecimal cacheWrite1hPerMillion,
            BigDecimal outputPerMillion) {

        LongContextTier tier() {
            if (thresholdInputTokens == null) {
                throw AdminApiException.invalidRequest(
                        "longContext.thresholdInputTokens",
                        "missing_field",
                        "'longContext.thresholdInputTokens' is required.");
            }
            if (thresholdInputTokens <= 0) {
                throw invalid("longContext.thresholdInputTokens", "must be positive");
            }
            return new LongContextTier(
                    thresholdInputTokens,
                    new TokenRates(
                            rate("longContext.inputPerMillion", inputPerMillion, true),
                            rate("longContext.cachedInputPerMillion", cachedInputPerMillion, false),
                            rate("longContext.cacheWrite5mPerMillion", cacheWrite5mPerMillion, false),
                            rate("longContext.cacheWrite1hPerMillion", cacheWrite1hPerMillion, false),
                            rate("longContext.outputPerMillion", outputPerMillion, true)));
        }
    }

    /** The path's model id, lower-cased; a documented alias ({@code claude-sonnet-4.5}) addresses its model. */
    static String modelFromPath(String model) {
        String id = model.trim().toLowerCase(Locale.ROOT);
        if (!MODEL_ID.matcher(id).matches()) {
            throw invalid("model", "must be a model id such as gpt-4o (letters, digits, '.', '_', ':', '-')");
        }
        return ModelIds.aliases().getOrDefault(id, id);
    }

    static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be an instant such as 2026-01-01T00:00:00Z");
        }
    }

    static boolean flag(String field, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw invalid(field, "must be true or false");
    }

    private static LocalDate date(String field, String value) {
        if (value == null) {
            throw AdminApiException.invalidRequest(field, "missing_field", "'" + field + "' is required.");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a date such as 2026-01-01");
        }
    }

    private static BigDecimal rate(String field, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) {
                throw AdminApiException.invalidRequest(field, "missing_field", "'" + field + "' is required.");
            }
            return null;
        }
        if (value.signum() < 0) {
            throw invalid(field, "must not be negative");
        }
        if (value.stripTrailingZeros().scale() > ModelPrice.RATE_SCALE) {
            throw invalid(field, "has more than " + ModelPrice.RATE_SCALE + " decimal places");
        }
        return value;
    }

    private static BigDecimal discount(BigDecimal value) {
        if (value != null
                && (value.signum() < 0
                        || value.compareTo(BigDecimal.ONE) >= 0
                        || value.stripTrailingZeros().scale() > ModelPrice.RATE_SCALE)) {
            throw invalid("batchDiscount", "must be a fraction from 0 up to, not including, 1 (0.5 = half price)");
        }
        return value;
    }

    private static AdminApiException invalid(String field, String reason) {
        return AdminApiException.invalidRequest(field, "invalid_value", "Invalid '" + field + "': " + reason + ".");
    }
}
