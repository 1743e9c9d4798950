package dev.budgetguard.ingest.proxy.openai;

/**
 * What the proxy read from a chat completion request, and the body it forwards.
 *
 * @param model the model asked for
 * @param stream whether the client asked for an SSE stream
 * @param maxTokens {@code max_tokens}, or {@code null} when absent
 * @param maxCompletionTokens {@code max_completion_tokens}, or {@code null} when absent
 * @param forwardBody the body sent upstream: the client's, or a copy asking for stream usage
 * @param usageInjected true when the proxy asked for stream usage on the client's behalf and must hide it again
 */
public record ChatRequest(
        String model,
        boolean stream,
        Long maxTokens,
        Long maxCompletionTokens,
        byte[] forwardBody,
        boolean usageInjected) {}
