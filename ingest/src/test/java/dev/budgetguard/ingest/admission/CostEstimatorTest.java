package dev.budgetguard.ingest.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.schemas.pricing.InMemoryPriceBook;
import dev.budgetguard.schemas.pricing.LongContextTier;
import dev.budgetguard.schemas.pricing.ModelPrice;
import dev.budgetguard.schemas.pricing.TokenRates;
import dev.budgetguard.schemas.usage.CostStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostEstimatorTest {

    static final Instant AT = Instant.parse("2026-08-20T12:00:00Z");
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);

    static final ModelPrice GPT_4O = new ModelPrice(
            "gpt-4o",
            "openai",
            FROM,
            null,
            new BigDecimal("2.50"),
            new BigDecimal("1.25"),
            null,
            null,
            new BigDecimal("10.00"),
            16384);
    static final ModelPrice SONNET = new ModelPrice(
            "claude-sonnet-4-5",
            "anthropic",
            FROM,
            null,
            new TokenRates(
                    new BigDecimal("3"),
                    new BigDecimal("0.30"),
                    new BigDecimal("3.75"),
                    new BigDecimal("6"),
                    new BigDecimal("15")),
            64000,
            new LongContextTier(
                    200_000,
                    new TokenRates(
                            new BigDecimal("6"),
                            new BigDecimal("0.60"),
                            new BigDecimal("7.50"),
                            new BigDecimal("12"),
                            new BigDecimal("22.50"))),
            null);

    final CostEstimator estimator = new CostEstimator(new InMemoryPriceBook(List.of(GPT_4O, SONNET)), 65_536);

    static PromptSize userSays(String text) {
        return new PromptSize(List.of("user", text), 1, 0, 0, 0);
    }

    @Test
    void openAiPromptIsCountedWithItsTokenizerAndChatFraming() {
        // given "user" (1 token) and "Hello world" (2 tokens) in o200k_base, 3 per message, 3 priming the reply
        PromptSize prompt = userSays("Hello world");

        // when
        CostEstimate estimate = estimator.estimate("gpt-4o", AT, prompt, 100L);

        // then 9 input tokens at the highest input-side rate $2.50 + 100 output at $10.00, per 1M
        assertThat(estimate.promptTokens()).isEqualTo(9);
        assertThat(estimate.outputTokens()).isEqualTo(100);
        assertThat(estimate.amountUsd()).isEqualByComparingTo("0.0010225");
        assertThat(estimate.cost().status()).isEqualTo(CostStatus.ESTIMATED);
        assertThat(estimate.cost().priceVersion()).isEqualTo("gpt-4o@2026-01-01");
    }

    @Test
    void withoutARequestBoundTheModelsMaximumOutputIsAssumed() {
        // when
        CostEstimate estimate = estimator.estimate("gpt-4o-2024-08-06", AT, PromptSize.NONE, null);

        // then 16384 x $10.00 per 1M; the dated snapshot resolves to gpt-4o
        assertThat(estimate.outputTokens()).isEqualTo(16384);
        assertThat(estimate.amountUsd()).isEqualByComparingTo("0.16384");
    }

    @Test
    void otherProvidersAreBoundedByBytesAtTheDearestInputRate() {
        // given 1000 bytes of body and one image: 1000 + 4096 per non-text part + 1024 framing allowance = 6120
        PromptSize prompt = PromptSize.ofBytes(1000, 1);

        // when
        CostEstimate estimate = estimator.estimate("claude-sonnet-4-5", AT, prompt, 1000L);

        // then priced as if all of it were a 1-hour cache write ($6, 2x input): 6120 x 6 + 1000 x 15 per 1M
        assertThat(estimate.promptTokens()).isEqualTo(6120);
        assertThat(estimate.amountUsd()).isEqualByComparingTo("0.05172");
    }

    @Test
    void aPromptAboveTheLongContextThresholdIsPricedAtTheTierForEveryToken() {
        // given 250,000 bytes: 251,024 tokens bound, above the 200k threshold
        PromptSize prompt = PromptSize.ofBytes(250_000, 0);

        // when
        CostEstimate estimate = estimator.estimate("claude-sonnet-4-5", AT, prompt, 100L);

        // then 251024 x $12 (tier 1-hour write) + 100 x $22.50, per 1M
        assertThat(estimate.promptTokens()).isEqualTo(251_024);
        assertThat(estimate.amountUsd()).isEqualByComparingTo("3.014538");
    }

    @Test
    void aPromptPastTheExactCountLimitIsBoundedByItsBytes() {
        // given a limit of 10 characters counted exactly, and 15 characters of text
        CostEstimator small = new CostEstimator(new InMemoryPriceBook(List.of(GPT_4O)), 10);

        // when
        CostEstimate estimate = small.estimate("gpt-4o", AT, userSays("Hello world"), 0L);

        // then 4 + 11 bytes, 3 for the message, 1024 allowance: never less than the exact count (9)
        assertThat(estimate.promptTokens()).isEqualTo(1042);
        assertThat(estimate.amountUsd()).isEqualByComparingTo("0.002605");
    }

    @Test
    void anUnpricedModelIsServedWithNothingReserved() {
        // when
        CostEstimate estimate = estimator.estimate("house-model-7", AT, userSays("Hello world"), 500L);

        // then
        assertThat(estimate.priced()).isFalse();
        assertThat(estimate.amountUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(estimate.cost().status()).isEqualTo(CostStatus.UNPRICED);
    }

    @Test
    void openAiFamiliesMapToTheirTokenizers() {
        assertThat(PromptTokens.encodingOf("gpt-4o-mini").getName()).isEqualTo("o200k_base");
        assertThat(PromptTokens.encodingOf("o3-mini").getName()).isEqualTo("o200k_base");
        assertThat(PromptTokens.encodingOf("gpt-5").getName()).isEqualTo("o200k_base");
        assertThat(PromptTokens.encodingOf("gpt-4.1-nano").getName()).isEqualTo("o200k_base");
        assertThat(PromptTokens.encodingOf("gpt-4-turbo").getName()).isEqualTo("cl100k_base");
        assertThat(PromptTokens.encodingOf("gpt-3.5-turbo").getName()).isEqualTo("cl100k_base");
        assertThat(PromptTokens.encodingOf("claude-sonnet-4-5")).isNull();
        assertThat(PromptTokens.encodingOf("omni-moderation-latest")).isNull();
    }

    @Test
    void withoutARequestBoundEachChoiceMayUseTheModelsMaximumOutput() {
        // when n = 8 choices are asked for without max_tokens
        CostEstimate estimate = estimator.estimate("gpt-4o", AT, PromptSize.NONE, null, 8);

        // then 8 x 16384 = 131,072 output tokens at $10.00 per 1M, not one model maximum
        assertThat(estimate.outputTokens()).isEqualTo(131_072);
        assertThat(estimate.amountUsd()).isEqualByComparingTo("1.31072");
    }

    @Test
    void inputTheCollectorCannotSeeIsBoundedByTheUnseenInputAllowance() {
        // given 100 bytes of body that reference a stored document
        PromptSize prompt = PromptSize.ofBytes(100, 0, true);

        // when
        CostEstimate estimate = estimator.estimate("claude-sonnet-4-5", AT, prompt, 100L);
        CostEstimate small = new CostEstimator(new InMemoryPriceBook(List.of(SONNET)), 65_536, 5_000)
                .estimate("claude-sonnet-4-5", AT, prompt, 100L);

        // then the default 1,048,576 tokens, above 200k so at the tier: 1048576 x $12 + 100 x $22.50 per 1M
        assertThat(estimate.promptTokens()).isEqualTo(1_048_576);
        assertThat(estimate.amountUsd()).isEqualByComparingTo("12.585162");
        // and a configured 5,000: 5000 x $6 + 100 x $15 per 1M
        assertThat(small.promptTokens()).isEqualTo(5_000);
        assertThat(small.amountUsd()).isEqualByComparingTo("0.0315");
    }
}
