package dev.budgetguard.schemas.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ModelPriceTest {

    private static final TokenRates RATES = TokenRates.of(new BigDecimal("3"), new BigDecimal("15"));

    @Test
    void aBatchDiscountMustBeAFractionBelowOne() {
        // when / then
        assertThatThrownBy(() -> price(null, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch_discount");
        assertThatThrownBy(() -> price(null, new BigDecimal("-0.1"))).hasMessageContaining("batch_discount");
    }

    @Test
    void aTierNeedsAPositiveThresholdAndValidRates() {
        // when / then
        assertThatThrownBy(() -> new LongContextTier(0, RATES)).hasMessageContaining("long_context_threshold");
        assertThatThrownBy(() -> new TokenRates(new BigDecimal("1.0000001"), null, null, null, BigDecimal.ONE))
                .hasMessageContaining("input_per_million has more than 6 decimal places");
    }

    @Test
    void sameTermsCompareRatesByValueAndIgnoreThePeriod() {
        // given
        ModelPrice a = price(new LongContextTier(200_000, RATES), new BigDecimal("0.5"));
        ModelPrice b = new ModelPrice(
                "m",
                "anthropic",
                LocalDate.parse("2026-01-01"),
                null,
                TokenRates.of(new BigDecimal("3.000000"), new BigDecimal("15.0")),
                1000,
                new LongContextTier(200_000, RATES),
                new BigDecimal("0.50"));

        // when / then
        assertThat(a.sameTermsAs(b)).isTrue();
        assertThat(a.sameTermsAs(price(null, new BigDecimal("0.5")))).isFalse();
        assertThat(a.endingOn(LocalDate.parse("2026-01-01")).effectiveTo()).isEqualTo("2026-01-01");
    }

    private static ModelPrice price(LongContextTier tier, BigDecimal batchDiscount) {
        return new ModelPrice("m", "anthropic", LocalDate.parse("2025-01-01"), null, RATES, 1000, tier, batchDiscount);
    }
}
