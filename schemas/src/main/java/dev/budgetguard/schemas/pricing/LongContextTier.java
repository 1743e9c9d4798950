package dev.budgetguard.schemas.pricing;

import dev.budgetguard.schemas.usage.TokenUsage;
import java.util.Objects;

/**
 * A premium price for long requests: when a request's input, cache reads and writes included, is above
 * {@code thresholdInputTokens}, every token of that request (output too) is priced at {@code rates}, not only the
 * tokens past the threshold. That is how Anthropic (Sonnet 4/4.5 above 200k) and Gemini 2.5 Pro bill.
 */
public record LongContextTier(long thresholdInputTokens, TokenRates rates) {

    public LongContextTier {
        if (thresholdInputTokens <= 0) {
            throw new IllegalArgumentException("long_context_threshold must be positive, was " + thresholdInputTokens);
        }
        Objects.requireNonNull(rates, "long_context rates");
    }

    public boolean appliesTo(TokenUsage usage) {
        return usage.inputTokens() > thresholdInputTokens;
    }
}
