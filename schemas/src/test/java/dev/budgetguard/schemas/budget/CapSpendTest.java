package dev.budgetguard.schemas.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.schemas.usage.Cost;
import dev.budgetguard.schemas.usage.CostStatus;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CapSpendTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final UsageRecord ADMISSION =
            UsageRecord.admission("r1", "acme", "openai", "/v1/chat/completions", "gpt-4o", false, AT);

    @Test
    void pricedAndEstimatedCountTheirAmountEverythingElseZero() {
        assertThat(CapSpend.of(completed(Cost.priced(new BigDecimal("0.004500000001"), "gpt-4o@2024-05-13"))))
                .isEqualByComparingTo("0.004500000001");
        assertThat(CapSpend.of(completed(new Cost(new BigDecimal("0.25"), CostStatus.ESTIMATED, null))))
                .isEqualByComparingTo("0.25");
        assertThat(CapSpend.of(completed(Cost.unpriced()))).isEqualByComparingTo("0");
        assertThat(CapSpend.of(completed(Cost.NONE))).isEqualByComparingTo("0");
        assertThat(CapSpend.of(UsageRecord.refusal(
                        "r2", "acme", "openai", "/v1/chat/completions", "gpt-4o", false, AT, 402, "budget_exceeded")))
                .isEqualByComparingTo("0");
    }

    @Test
    void spendBelongsToTheAdmissionTimeEvenWhenTheCompletionCameLater() {
        // given a request admitted before midnight UTC and completed after it
        UsageRecord completion = ADMISSION.complete(
                Instant.parse("2026-12-02T00:00:05Z"), UsageStatus.OK, 200, TokenUsage.of(1, 1), Cost.NONE, 1, null);

        // then
        assertThat(CapSpend.countedAt(completion)).isEqualTo(AT);
    }

    private static UsageRecord completed(Cost cost) {
        return ADMISSION.complete(AT.plusSeconds(1), UsageStatus.OK, 200, TokenUsage.of(100, 10), cost, 1000, null);
    }
}
