package dev.budgetguard.schemas.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.schemas.usage.Cost;
import dev.budgetguard.schemas.usage.CostStatus;
import dev.budgetguard.schemas.usage.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceBookTest {

    private final PriceBook bundled = BundledPrices.priceBook();

    @Test
    void gpt4oPromptAndCompletionCostExactly() {
        Cost cost = bundled.cost("gpt-4o", Instant.parse("2026-12-01T00:00:00Z"), TokenUsage.of(1200, 300));

        assertThat(cost.amountUsd()).isEqualByComparingTo("0.006000");
        assertThat(cost.priceVersion()).isEqualTo("gpt-4o@2024-05-13");
    }

    @Test
    void datedSnapshotResolvesToItsModel() {
        Cost cost = bundled.cost("gpt-4o-2024-08-06", Instant.parse("2026-12-01T00:00:00Z"), TokenUsage.of(1200, 300));

        assertThat(cost.amountUsd()).isEqualByComparingTo("0.006");
    }

    @Test
    void cachedInputIsPricedAtItsOwnRate() {
        ModelPrice price = new ModelPrice(
                "m",
                "openai",
                LocalDate.parse("2025-01-01"),
                null,
                new BigDecimal("1.40"),
                new BigDecimal("0.26"),
                null,
                null,
                new BigDecimal("4.40"),
                1000);
        TokenUsage usage = new TokenUsage(27147, 27146, 0, 0, 351, 0);

        assertThat(PriceBook.amount(price, usage)).isEqualByComparingTo("0.00860376");
    }

    @Test
    void reasoningTokensAreNotBilledTwice() {
        ModelPrice price = new ModelPrice(
                "m",
                "openai",
                LocalDate.parse("2025-01-01"),
                null,
                BigDecimal.ONE,
                null,
                null,
                null,
                new BigDecimal("4"),
                1000);

        assertThat(PriceBook.amount(price, new TokenUsage(100, 0, 0, 0, 1000, 800)))
                .isEqualByComparingTo("0.004100");
    }

    @Test
    void o3IsPricedWithThePriceInForceThatDay() {
        TokenUsage usage = TokenUsage.of(1_000_000, 0);

        assertThat(bundled.cost("o3", Instant.parse("2025-06-09T23:59:59Z"), usage)
                        .amountUsd())
                .isEqualByComparingTo("10");
        assertThat(bundled.cost("o3", Instant.parse("2025-06-10T00:00:00Z"), usage)
                        .amountUsd())
                .isEqualByComparingTo("2");
    }

    @Test
    void unknownModelIsUnpricedNotFree() {
        Cost cost = bundled.cost("gpt-9-ultra", Instant.parse("2026-12-01T00:00:00Z"), TokenUsage.of(10, 10));

        assertThat(cost.status()).isEqualTo(CostStatus.UNPRICED);
        assertThat(cost.amountUsd()).isNull();
    }

    @Test
    void bundledTableCoversTheOpenAiModelsWeSell() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        for (String model :
                List.of("gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "o3", "o4-mini", "gpt-5", "gpt-5-mini")) {
            assertThat(bundled.priceAt(model, now)).as(model).isPresent();
        }
    }
}
