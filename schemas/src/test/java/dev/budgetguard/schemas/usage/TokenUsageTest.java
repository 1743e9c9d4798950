package dev.budgetguard.schemas.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenUsageTest {

    @Test
    void rejectsNegativeCountsNamingTheField() {
        assertThatThrownBy(() -> new TokenUsage(10, 0, 0, 0, -1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("output_tokens must not be negative, was -1");
    }

    @Test
    void rejectsMoreCachedTokensThanInput() {
        assertThatThrownBy(() -> new TokenUsage(10, 11, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceed input_tokens (10)");
    }

    @Test
    void uncachedInputExcludesCacheReadsAndWrites() {
        TokenUsage usage = new TokenUsage(27147, 27000, 100, 40, 351, 0);
        assertThat(usage.uncachedInputTokens()).isEqualTo(7);
    }

    @Test
    void rejectsReasoningAboveOutput() {
        assertThatThrownBy(() -> new TokenUsage(1, 0, 0, 0, 5, 6))
                .hasMessage("reasoning_tokens (6) exceed output_tokens (5)");
    }
}
