package dev.budgetguard.reports.spend;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One tenant's use of one model over a report's period.
 *
 * @param requests forwarded requests, whatever their outcome (refusals are not counted)
 * @param inputTokens all input tokens, cached ones included
 * @param costUsd exact sum of the known costs; excludes the {@code unpricedRequests}, whose cost is unknown
 * @param unpricedRequests requests of a model that had no price in force: the true spend is higher by their cost
 */
public record SpendLine(
        String tenantId,
        String model,
        long requests,
        long inputTokens,
        long cachedInputTokens,
        long outputTokens,
        BigDecimal costUsd,
        long unpricedRequests) {

    public SpendLine {
        requireText("tenant_id", tenantId);
        requireText("model", model);
        requireNonNegative("requests", requests);
        requireNonNegative("input_tokens", inputTokens);
        requireNonNegative("cached_input_tokens", cachedInputTokens);
        requireNonNegative("output_tokens", outputTokens);
        requireNonNegative("unpriced_requests", unpricedRequests);
        Objects.requireNonNull(costUsd, "cost_usd");
        if (costUsd.signum() < 0) {
            throw new IllegalArgumentException("cost_usd must not be negative, was " + costUsd);
        }
        if (cachedInputTokens > inputTokens) {
            throw new IllegalArgumentException("cached_input_tokens (" + cachedInputTokens + ") exceed input_tokens ("
                    + inputTokens + ") for " + tenantId + "/" + model);
        }
        if (unpricedRequests > requests) {
            throw new IllegalArgumentException("unpriced_requests (" + unpricedRequests + ") exceed requests ("
                    + requests + ") for " + tenantId + "/" + model);
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    private static void requireNonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
    }
}
