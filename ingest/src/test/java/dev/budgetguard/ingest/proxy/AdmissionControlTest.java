package dev.budgetguard.ingest.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.admission.AdmissionProperties;
import dev.budgetguard.ingest.admission.CostEstimate;
import dev.budgetguard.ingest.admission.CostEstimator;
import dev.budgetguard.ingest.admission.LockFreeSpendLedger;
import dev.budgetguard.ingest.admission.PromptSize;
import dev.budgetguard.ingest.ratelimit.SlidingLogRateLimiter;
import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetPeriod;
import dev.budgetguard.schemas.pricing.InMemoryPriceBook;
import dev.budgetguard.schemas.pricing.ModelPrice;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionControlTest {

    static final Instant AT = Instant.parse("2026-08-20T12:00:00Z");
    static final ModelPrice PRICED = new ModelPrice(
            "bg-test",
            "openai",
            LocalDate.of(2026, 1, 1),
            null,
            BigDecimal.ZERO,
            null,
            null,
            null,
            new BigDecimal("100"),
            8000);

    final CostEstimator estimator = new CostEstimator(new InMemoryPriceBook(List.of(PRICED)), 4096);
    final LockFreeSpendLedger ledger = new LockFreeSpendLedger(Clock.fixed(AT, ZoneOffset.UTC));

    AdmissionControl control(AdmissionProperties.UnpricedModels unpriced) {
        return new AdmissionControl(
                estimator,
                ledger,
                new SlidingLogRateLimiter(),
                4096,
                new AdmissionProperties(unpriced, CostEstimator.DEFAULT_UNSEEN_INPUT_TOKENS));
    }

    @Test
    void aCappedTenantIsRefusedAModelWithoutAPrice() {
        // given acme has a $10 daily budget, borealis none
        ledger.replaceBudgets(
                "acme", List.of(new Budget("b-1", "acme", BudgetPeriod.DAILY, new BigDecimal("10"), ZoneId.of("UTC"))));
        CostEstimate unpriced = estimator.estimate("house-model-7", AT, PromptSize.NONE, 100L);

        // when
        AdmissionControl.Decision capped =
                control(AdmissionProperties.UnpricedModels.REFUSE).admit("acme", "house-model-7", unpriced, AT);
        AdmissionControl.Decision uncapped =
                control(AdmissionProperties.UnpricedModels.REFUSE).admit("borealis", "house-model-7", unpriced, AT);
        AdmissionControl.Decision allowed =
                control(AdmissionProperties.UnpricedModels.ALLOW).admit("acme", "house-model-7", unpriced, AT);

        // then 402 in the budget_exceeded family, naming the model; the uncapped tenant and the allow policy are served
        assertThat(capped).isInstanceOf(AdmissionControl.Refused.class);
        ProxyError error = ((AdmissionControl.Refused) capped).error();
        assertThat(error.status()).isEqualTo(402);
        assertThat(error.type()).isEqualTo("budget_exceeded");
        assertThat(error.code()).isEqualTo("model_unpriced");
        assertThat(error.message())
                .isEqualTo("Model house-model-7 has no price in force; tenants with a budget can only use priced"
                        + " models.");
        assertThat(uncapped).isInstanceOf(AdmissionControl.Admitted.class);
        assertThat(allowed).isInstanceOf(AdmissionControl.Admitted.class);
        assertThat(ledger.usage("acme", "b-1", AT).orElseThrow().reservedUsd()).isEqualByComparingTo("0");
        assertThat(ledger.capped("acme", AT)).isTrue();
        assertThat(ledger.capped("borealis", AT)).isFalse();
    }

    @Test
    void theEstimateMultipliesTheModelsMaximumByTheChoicesAskedFor() {
        // given n = 8 without max_tokens on a model of 8,000 output tokens at $100 per 1M
        MeteredRequest request =
                new MeteredRequest("bg-test", false, "/chat/completions", new byte[0], PromptSize.NONE, null, false, 8);

        // when
        CostEstimate estimate =
                control(AdmissionProperties.UnpricedModels.REFUSE).estimate(request, AT);

        // then 8 x 8000 x $0.0001 = $6.40, not $0.80
        assertThat(estimate.outputTokens()).isEqualTo(64_000);
        assertThat(estimate.amountUsd()).isEqualByComparingTo("6.40");
    }
}
