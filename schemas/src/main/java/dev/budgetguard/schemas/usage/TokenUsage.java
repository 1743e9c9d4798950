package dev.budgetguard.schemas.usage;

/**
 * Token counts of one request, normalized across providers.
 *
 * <p>{@code inputTokens} is every input token the provider processed: uncached, cache reads and cache writes together
 * (OpenAI's {@code prompt_tokens} meaning). {@code outputTokens} includes reasoning tokens; {@code reasoningTokens} is
 * informational and never priced on top of output.
 */
public record TokenUsage(
        long inputTokens,
        long cachedInputTokens,
        long cacheWrite5mTokens,
        long cacheWrite1hTokens,
        long outputTokens,
        long reasoningTokens) {

    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0, 0, 0);

    public TokenUsage {
        requireNonNegative("input_tokens", inputTokens);
        requireNonNegative("cached_input_tokens", cachedInputTokens);
        requireNonNegative("cache_write_5m_tokens", cacheWrite5mTokens);
        requireNonNegative("cache_write_1h_tokens", cacheWrite1hTokens);
        requireNonNegative("output_tokens", outputTokens);
        requireNonNegative("reasoning_tokens", reasoningTokens);
        if (cachedInputTokens + cacheWrite5mTokens + cacheWrite1hTokens > inputTokens) {
            throw new IllegalArgumentException("cached_input_tokens + cache writes (" + cachedInputTokens + " + "
                    + cacheWrite5mTokens + " + " + cacheWrite1hTokens + ") exceed input_tokens (" + inputTokens + ")");
        }
        if (reasoningTokens > outputTokens) {
            throw new IllegalArgumentException(
                    "reasoning_tokens (" + reasoningTokens + ") exceed output_tokens (" + outputTokens + ")");
        }
    }

    /** Input and output only, as most non-caching calls report. */
    public static TokenUsage of(long inputTokens, long outputTokens) {
        return new TokenUsage(inputTokens, 0, 0, 0, outputTokens, 0);
    }

    /** Input tokens billed at the plain input rate: neither read from nor written to a cache. */
    public long uncachedInputTokens() {
        return inputTokens - cachedInputTokens - cacheWrite5mTokens - cacheWrite1hTokens;
    }

    private static void requireNonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
    }
}
