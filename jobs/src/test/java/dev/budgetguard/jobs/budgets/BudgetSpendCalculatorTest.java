package dev.budgetguard.jobs.budgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetPeriod;
import dev.budgetguard.schemas.budget.BudgetWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetSpendCalculatorTest {

    private static final Instant AS_OF = Instant.parse("2026-08-19T15:59:59Z");

    @Test
    void eachBudgetGetsTheBucketsOfItsOwnWindowAndNoOther() {
        // given Shanghai's 2026-08-19 runs [08-18T16:00Z, 08-19T16:00Z); spend on both sides of each edge
        Budget shanghai = budget("sh", "acme", BudgetPeriod.DAILY, "Asia/Shanghai");
        Budget kathmandu = budget("np", "acme", BudgetPeriod.DAILY, "Asia/Kathmandu");
        BucketSums buckets = new BucketSums();
        buckets.add("acme", epoch("2026-08-18T15:45:00Z"), new BigDecimal("1.000000000001"));
        buckets.add("acme", epoch("2026-08-18T16:00:00Z"), new BigDecimal("0.10"));
        buckets.add("acme", epoch("2026-08-18T18:15:00Z"), new BigDecimal("0.02"));
        buckets.add("acme", epoch("2026-08-19T15:45:00Z"), new BigDecimal("0.000000000003"));
        buckets.add("acme", epoch("2026-08-19T15:45:00Z"), new BigDecimal("0.2"));
        buckets.add("globex", epoch("2026-08-19T00:00:00Z"), new BigDecimal("7"));

        // when
        List<WindowSpend> rows =
                BudgetSpendCalculator.rows(List.of(shanghai, kathmandu), AS_OF, AS_OF, buckets, unused());

        // then Kathmandu (+05:45) cuts its day at 18:15Z, still on a 15-minute boundary
        assertThat(rows).extracting(WindowSpend::budgetId).containsExactly("sh", "np");
        assertThat(rows.get(0).window())
                .isEqualTo(
                        new BudgetWindow(Instant.parse("2026-08-18T16:00:00Z"), Instant.parse("2026-08-19T16:00:00Z")));
        assertThat(rows.get(0).spentUsd()).isEqualByComparingTo("0.320000000003");
        assertThat(rows.get(1).window().start()).isEqualTo(Instant.parse("2026-08-18T18:15:00Z"));
        assertThat(rows.get(1).spentUsd()).isEqualByComparingTo("0.220000000003");
    }

    @Test
    void aCustomRangeNotActiveAtAsOfHasNoRowAndAnUnalignedWindowIsSummedExactly() {
        // given a custom range over, and one in Kolkata's 1900 Madras time (+05:21:10), off the buckets
        Budget over = budget(
                "over",
                "acme",
                new BudgetPeriod.Custom(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-08-01")),
                "UTC");
        Budget lmt = budget(
                "lmt",
                "acme",
                new BudgetPeriod.Custom(LocalDate.parse("1900-01-01"), LocalDate.parse("2100-01-01")),
                "Asia/Kolkata");
        List<BudgetWindow> asked = new ArrayList<>();

        // when
        List<WindowSpend> rows =
                BudgetSpendCalculator.rows(List.of(over, lmt), AS_OF, AS_OF, new BucketSums(), (tenant, w) -> {
                    asked.add(w);
                    return new BigDecimal("4.5");
                });

        // then
        assertThat(rows).extracting(WindowSpend::budgetId).containsExactly("lmt");
        assertThat(rows.get(0).spentUsd()).isEqualByComparingTo("4.5");
        assertThat(asked).containsExactly(rows.get(0).window());
        assertThat(BucketSums.isAligned(rows.get(0).window())).isFalse();
    }

    @Test
    void theSpanCoversEveryActiveWindow() {
        // given
        Budget daily = budget("d", "acme", BudgetPeriod.DAILY, "Pacific/Kiritimati");
        Budget monthly = budget("m", "acme", BudgetPeriod.MONTHLY, "America/Los_Angeles");

        // when
        BudgetWindow span = BudgetSpendCalculator.span(List.of(daily, monthly), AS_OF, AS_OF)
                .orElseThrow();

        // then
        assertThat(span.start()).isEqualTo(Instant.parse("2026-08-01T07:00:00Z"));
        assertThat(span.end()).isEqualTo(Instant.parse("2026-09-01T07:00:00Z"));
        assertThat(BudgetSpendCalculator.span(List.of(), AS_OF, AS_OF)).isEmpty();
    }

    @Test
    void bucketsRefuseStartsOffTheQuarterHour() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BucketSums().add("acme", epoch("2026-08-19T00:07:00Z"), BigDecimal.ONE))
                .withMessageContaining("bucketStart");
    }

    private static java.util.function.BiFunction<String, BudgetWindow, BigDecimal> unused() {
        return (tenant, window) -> {
            throw new AssertionError("every window here is on 15-minute boundaries: " + window);
        };
    }

    private static Budget budget(String id, String tenant, BudgetPeriod period, String zone) {
        return new Budget(id, tenant, period, new BigDecimal("10"), ZoneId.of(zone));
    }

    private static long epoch(String at) {
        return Instant.parse(at).getEpochSecond();
    }

    @Test
    void rowsRunFromTheWindowActiveAtAsOfThroughTheOneActiveNowZeroRowsIncluded() {
        // given a Berlin monthly budget, asOf in November, now in January, spend only in December
        Budget berlin = budget("de", "acme", BudgetPeriod.MONTHLY, "Europe/Berlin");
        BucketSums buckets = new BucketSums();
        buckets.add("acme", epoch("2026-12-10T12:00:00Z"), new BigDecimal("0.119016"));

        // when
        List<WindowSpend> rows = BudgetSpendCalculator.rows(
                List.of(berlin),
                Instant.parse("2026-11-15T00:00:00Z"),
                Instant.parse("2027-01-02T00:00:00Z"),
                buckets,
                unused());

        // then November, December and January each have a row, in order
        assertThat(rows)
                .extracting(row -> row.window().start())
                .containsExactly(
                        Instant.parse("2026-10-31T23:00:00Z"),
                        Instant.parse("2026-11-30T23:00:00Z"),
                        Instant.parse("2026-12-31T23:00:00Z"));
        assertThat(rows)
                .extracting(WindowSpend::spentUsd)
                .containsExactly(BigDecimal.ZERO, new BigDecimal("0.119016"), BigDecimal.ZERO);
    }

    @Test
    void anAsOfLaterThanNowIsRefused() {
        Budget berlin = budget("de", "acme", BudgetPeriod.MONTHLY, "Europe/Berlin");

        assertThatThrownBy(() -> BudgetSpendCalculator.windows(
                        berlin, Instant.parse("2026-12-02T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("asOf");
    }
}
