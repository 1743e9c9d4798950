package dev.budgetguard.ingest.proxy.wire;

import java.util.Objects;

/**
 * What a route read from a request body, and the body it forwards.
 *
 * @param model the model asked for (from the body, or for Gemini the path)
 * @param stream whether the client asked for a stream
 * @param maxOutputTokens the request's own output bound (OpenAI {@code max_output_tokens} / {@code max_tokens},
 *     Anthropic {@code max_tokens}, Gemini {@code generationConfig.maxOutputTokens}), {@code null} when it states none
 * @param forwardBody the body sent upstream: the client's, or a copy asking for stream usage
 * @param usageInjected true when the proxy asked for stream usage on the client's behalf and must hide it again
 * @param requestedTier the service tier the request asked for, {@code null} when none
 */
public record MeteredBody(
        String model,
        boolean stream,
        Long maxOutputTokens,
        byte[] forwardBody,
        boolean usageInjected,
        String requestedTier) {

    public MeteredBody {
        StrictJson.requireModel(model);
        Objects.requireNonNull(forwardBody, "forwardBody");
        if (maxOutputTokens != null && maxOutputTokens < 0) {
            maxOutputTokens = null;
        }
    }
}
