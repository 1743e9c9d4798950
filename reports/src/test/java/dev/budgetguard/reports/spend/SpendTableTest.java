package dev.budgetguard.reports.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpendTableTest {

    private static final SpendPeriod NOVEMBER =
            SpendPeriod.utcDays(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));

    @Test
    void rendersAnAlignedTableWithExactCostsAndATotal() {
        // given
        SpendReport report = new SpendReport(
                NOVEMBER,
                List.of(
                        new SpendLine("acme-legal", "gpt-4.1", 1200, 3_400_000, 1_100_000, 250_000, money("8.35"), 0),
                        new SpendLine("acme-legal", "gpt-4.5-preview", 3, 900, 0, 120, money("0"), 3),
                        new SpendLine("delta-labs", "gpt-5-mini", 40, 52_000, 0, 18_000, money("0.049000000001"), 0)));

        // when
        String table = report.render();

        // then
        assertThat(table).isEqualTo("""
                        Spend 2026-11-01 .. 2026-11-30 (UTC, both days included)
                        tenant      model            requests  input_tokens  cached_tokens  output_tokens        cost_usd  unpriced
                        acme-legal  gpt-4.1              1200       3400000        1100000         250000            8.35         0
                        acme-legal  gpt-4.5-preview         3           900              0            120        unpriced         3
                        delta-labs  gpt-5-mini             40         52000              0          18000  0.049000000001         0
                        -----------------------------------------------------------------------------------------------------------
                        total                            1243       3452900        1100000         268120  8.399000000001         3
                        3 request(s) had no price in force: their cost is unknown and not in cost_usd.
                        """);
    }

    @Test
    void costsAreShownExactlyWithAtLeastCents() {
        assertThat(SpendTable.money(money("12.5"))).isEqualTo("12.50");
        assertThat(SpendTable.money(money("0.000000000001"))).isEqualTo("0.000000000001");
        assertThat(SpendTable.money(new BigDecimal("1E+3"))).isEqualTo("1000.00");
    }

    @Test
    void aLineRefusesImpossibleCounts() {
        assertThatThrownBy(() -> new SpendLine("t", "m", 1, 10, 0, 1, money("1"), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unpriced_requests (2) exceed requests (1) for t/m");
        assertThatThrownBy(() -> new SpendLine("t", " ", 1, 10, 0, 1, money("1"), 0))
                .hasMessage("model must not be blank");
        assertThatThrownBy(() -> new SpendLine("t", "m", 1, 10, 0, 1, money("-0.01"), 0))
                .hasMessage("cost_usd must not be negative, was -0.010000000000");
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount).setScale(12);
    }
}
