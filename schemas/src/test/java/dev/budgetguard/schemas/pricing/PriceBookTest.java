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
    void anthropicOneHourCacheWritesCostTwiceTheInputRate() {
        // given input_tokens 100 plus cache_creation 10000, all ephemeral_1h, at a $3/M base input rate
        TokenUsage usage = new TokenUsage(10_100, 0, 0, 10_000, 0, 0);

        // when
        Cost cost = bundled.cost("claude-sonnet-4-5-20250929", Instant.parse("2026-12-01T00:00:00Z"), usage);

        // then 100 x $3 + 10000 x $6, per 1M
        assertThat(cost.amountUsd()).isEqualByComparingTo("0.060300");
        assertThat(cost.priceVersion()).isEqualTo("claude-sonnet-4-5@2025-09-29");
    }

    @Test
    void aSonnetRequestAbove200kIsPricedEntirelyAtTheLongContextRates() {
        // given 250000 input tokens, 50000 of them cache reads and 10000 five-minute cache writes, and 1000 output
        TokenUsage usage = new TokenUsage(250_000, 50_000, 10_000, 0, 1_000, 0);

        // when
        Cost cost = bundled.cost("claude-sonnet-4-5", Instant.parse("2026-12-01T00:00:00Z"), usage);

        // then 190000 x $6 + 50000 x $0.60 + 10000 x $7.50 + 1000 x $22.50, per 1M: output too is at the tier rate
        assertThat(cost.amountUsd()).isEqualByComparingTo("1.267500");
    }

    @Test
    void theLongContextThresholdCountsCacheReadsAndIsExclusive() {
        // given
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        TokenUsage atThreshold = new TokenUsage(200_000, 0, 0, 0, 1_000, 0);
        TokenUsage mostlyCachedAbove = new TokenUsage(200_001, 150_000, 0, 0, 0, 0);

        // when
        Cost standard = bundled.cost("claude-sonnet-4-5", at, atThreshold);
        Cost premium = bundled.cost("claude-sonnet-4-5", at, mostlyCachedAbove);

        // then 200000 x $3 + 1000 x $15; and 50001 x $6 + 150000 x $0.60
        assertThat(standard.amountUsd()).isEqualByComparingTo("0.615000");
        assertThat(premium.amountUsd()).isEqualByComparingTo("0.390006");
    }

    @Test
    void batchRequestsGetTheBatchDiscountOnTopOfTheTier() {
        // given
        Instant at = Instant.parse("2026-12-01T00:00:00Z");

        // when
        Cost gpt4o = bundled.cost("gpt-4o", at, TokenUsage.of(1200, 300), true);
        Cost longSonnet =
                bundled.cost("claude-sonnet-4-5", at, new TokenUsage(250_000, 50_000, 10_000, 0, 1_000, 0), true);

        // then half of $0.006 and half of $1.2675
        assertThat(gpt4o.amountUsd()).isEqualByComparingTo("0.003000");
        assertThat(longSonnet.amountUsd()).isEqualByComparingTo("0.633750");
    }

    @Test
    void aModelWithoutABatchPriceChargesBatchRequestsTheStandardRate() {
        // when o3 has no listed batch price
        Cost batch = bundled.cost("o3", Instant.parse("2026-12-01T00:00:00Z"), TokenUsage.of(1_000_000, 0), true);

        // then it is not guessed: the standard $2/M, an overestimate
        assertThat(batch.amountUsd()).isEqualByComparingTo("2");
    }

    @Test
    void aDiscountNeedingAThirteenthDecimalIsRoundedHalfUpToTheCostScale() {
        // given one token at a millionth of a dollar per 1M, half off
        ModelPrice price = new ModelPrice(
                "m",
                "openai",
                LocalDate.parse("2025-01-01"),
                null,
                TokenRates.of(new BigDecimal("0.000001"), BigDecimal.ZERO),
                1000,
                null,
                new BigDecimal("0.5"));

        // when
        BigDecimal amount = PriceBook.amount(price, TokenUsage.of(1, 0), true);

        // then 0.0000000000005 rounds up to the 12th decimal
        assertThat(amount).isEqualTo(new BigDecimal("0.000000000001"));
    }

    @Test
    void aMonthSpanningAPriceChangePricesEachDayAtItsOwnPrice() {
        // given one million o3 input tokens on every day of June 2025 (the price was cut on the 10th)
        TokenUsage daily = TokenUsage.of(1_000_000, 0);
        BigDecimal month = BigDecimal.ZERO;
        java.util.Set<String> versions = new java.util.TreeSet<>();

        // when
        for (LocalDate day = LocalDate.parse("2025-06-01");
                day.isBefore(LocalDate.parse("2025-07-01"));
                day = day.plusDays(1)) {
            Cost cost = bundled.cost("o3", day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC), daily);
            month = month.add(cost.amountUsd());
            versions.add(cost.priceVersion());
        }

        // then 9 days at $10 and 21 days at $2
        assertThat(month).isEqualByComparingTo("132");
        assertThat(versions).containsExactly("o3@2025-04-16", "o3@2025-06-10");
    }

    @Test
    void aPriceStoredForAnExactSnapshotWinsOverItsFamily() {
        // given gpt-4o priced at $2.50 and its first snapshot priced apart at $5
        InMemoryPriceBook book = new InMemoryPriceBook(List.of(
                new ModelPrice(
                        "gpt-4o",
                        "openai",
                        LocalDate.parse("2024-05-13"),
                        null,
                        TokenRates.of(new BigDecimal("2.50"), BigDecimal.TEN),
                        16384,
                        null,
                        null),
                new ModelPrice(
                        "gpt-4o-2024-05-13",
                        "openai",
                        LocalDate.parse("2024-05-13"),
                        null,
                        TokenRates.of(new BigDecimal("5"), new BigDecimal("15")),
                        16384,
                        null,
                        null)));
        Instant at = Instant.parse("2026-12-01T00:00:00Z");

        // when / then
        assertThat(book.priceAt("gpt-4o-2024-05-13", at).orElseThrow().version())
                .isEqualTo("gpt-4o-2024-05-13@2024-05-13");
        assertThat(book.priceAt("GPT-4o-2024-08-06", at).orElseThrow().version())
                .isEqualTo("gpt-4o@2024-05-13");
    }

    @Test
    void theBundledMay2024Gpt4oSnapshotIsPricedAtItsOwnRatesAndAugustsAtGpt4o() {
        // given 1,200 prompt and 300 output tokens
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        TokenUsage usage = TokenUsage.of(1200, 300);

        // when
        Cost may = bundled.cost("gpt-4o-2024-05-13", at, usage);
        Cost mayAsTyped = bundled.cost(" GPT-4o-2024-05-13", at, usage);
        Cost august = bundled.cost("gpt-4o-2024-08-06", at, usage);

        // then 1200 x $5 + 300 x $15 per 1M for the May snapshot, 1200 x $2.50 + 300 x $10 for August's
        assertThat(may.amountUsd()).isEqualByComparingTo("0.0105");
        assertThat(may.priceVersion()).isEqualTo("gpt-4o-2024-05-13@2024-05-13");
        assertThat(mayAsTyped).isEqualTo(may);
        assertThat(august.amountUsd()).isEqualByComparingTo("0.006");
        assertThat(august.priceVersion()).isEqualTo("gpt-4o@2024-05-13");
        ModelPrice snapshot = bundled.priceAt("gpt-4o-2024-05-13", at).orElseThrow();
        assertThat(snapshot.rates().inputPerMillion()).isEqualByComparingTo("5");
        assertThat(snapshot.rates().outputPerMillion()).isEqualByComparingTo("15");
        assertThat(snapshot.maxOutputTokens()).isEqualTo(4096);
    }

    @Test
    void aPriceStoredUnderAnAliasWinsOverTheAliasTarget() {
        // given claude-opus-4-0 (an alias of claude-opus-4) priced apart from claude-opus-4
        InMemoryPriceBook book = new InMemoryPriceBook(List.of(
                new ModelPrice(
                        "claude-opus-4",
                        "anthropic",
                        LocalDate.parse("2025-05-22"),
                        null,
                        TokenRates.of(new BigDecimal("15"), new BigDecimal("75")),
                        32000,
                        null,
                        null),
                new ModelPrice(
                        "claude-opus-4-0",
                        "anthropic",
                        LocalDate.parse("2025-05-22"),
                        null,
                        TokenRates.of(new BigDecimal("1"), new BigDecimal("2")),
                        32000,
                        null,
                        null)));
        Instant at = Instant.parse("2026-12-01T00:00:00Z");

        // when / then the exact id wins; the alias table still resolves what has no price of its own
        assertThat(book.priceAt("Claude-Opus-4-0", at).orElseThrow().version()).isEqualTo("claude-opus-4-0@2025-05-22");
        assertThat(book.priceAt("claude-opus-4-20250514", at).orElseThrow().version())
                .isEqualTo("claude-opus-4@2025-05-22");
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
