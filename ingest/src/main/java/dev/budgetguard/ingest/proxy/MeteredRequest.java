package dev.budgetguard.ingest.proxy;

import dev.budgetguard.ingest.admission.PromptSize;
import java.util.Objects;

/**
 * What the proxy read from a request, in provider-neutral terms, and what it forwards.
 *
 * @param model the model asked for, as the client named it (from the body, or from the path for Gemini)
 * @param stream whether the answer is an SSE stream
 * @param upstreamPath path (and query) appended to the provider's base URL, e.g. {@code /chat/completions}
 * @param forwardBody the body sent upstream: the client's bytes, or an edited copy
 * @param prompt what the prompt's worst-case token count is computed from
 * @param maxOutputTokens the request's own bound on output tokens (all choices together), or {@code null} when it
 *     states none
 * @param usageInjected the proxy edited the request to ask for stream usage the client did not ask for, so the stream
 *     inspector must hide it again
 * @param choices outputs the request asks for ({@code n}, {@code best_of}, {@code candidateCount}), at least 1: each
 *     may use the model's whole maximum output when {@code maxOutputTokens} is {@code null}
 */
public record MeteredRequest(
        String model,
        boolean stream,
        String upstreamPath,
        byte[] forwardBody,
        PromptSize prompt,
        Long maxOutputTokens,
        boolean usageInjected,
        long choices) {

    /** Longest output bound accepted in a request: far above any model's maximum output, and exact in any product. */
    public static final long MAX_OUTPUT_TOKENS = 100_000_000;

    /** Most choices accepted in a request (OpenAI's documented maximum of {@code n}). */
    public static final long MAX_CHOICES = 128;

    /** A request asking for one output. */
    public MeteredRequest(
            String model,
            boolean stream,
            String upstreamPath,
            byte[] forwardBody,
            PromptSize prompt,
            Long maxOutputTokens,
            boolean usageInjected) {
        this(model, stream, upstreamPath, forwardBody, prompt, maxOutputTokens, usageInjected, 1);
    }

    public MeteredRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(upstreamPath, "upstreamPath");
        Objects.requireNonNull(forwardBody, "forwardBody");
        Objects.requireNonNull(prompt, "prompt");
        if (maxOutputTokens != null && maxOutputTokens < 0) {
            throw new IllegalArgumentException("maxOutputTokens: must be >= 0, was " + maxOutputTokens);
        }
        if (choices < 1 || choices > MAX_CHOICES) {
            throw new IllegalArgumentException("choices: must be 1 to " + MAX_CHOICES + ", was " + choices);
        }
    }
}
