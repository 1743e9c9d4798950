package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.admission.PromptSize;

/**
 * What the proxy read from a chat completion request, and the body it forwards.
 *
 * @param model the model asked for
 * @param stream whether the client asked for an SSE stream
 * @param maxTokens {@code max_tokens}, or {@code null} when absent
 * @param maxCompletionTokens {@code max_completion_tokens}, or {@code null} when absent
 * @param choices {@code n}, the number of choices asked for (1 when absent)
 * @param prompt what the prompt's token count is computed from
 * @param forwardBody the body sent upstream: the client's, or a copy asking for stream usage
 * @param usageInjected true when the proxy asked for stream usage on the client's behalf and must hide it again
 */
public record ChatRequest(
        String model,
        boolean stream,
        Long maxTokens,
        Long maxCompletionTokens,
        long choices,
        PromptSize prompt,
        byte[] forwardBody,
        boolean usageInjected) {

    /**
     * The request's own bound on output tokens over all its choices, or {@code null} when it sets none:
     * {@code max_completion_tokens} (which counts reasoning tokens) wins over the older {@code max_tokens}, as with
     * OpenAI; each of the {@code n} choices may use all of it.
     */
    public Long outputBound() {
        Long perChoice = maxCompletionTokens != null ? maxCompletionTokens : maxTokens;
        if (perChoice == null) {
            return null;
        }
        return Math.multiplyExact(Math.max(0, perChoice), Math.max(1, choices));
    }
}
