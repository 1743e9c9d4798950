package dev.budgetguard.ingest.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetPeriod;
import dev.budgetguard.schemas.budget.BudgetWindow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Snapshots, seeds and spend growth in the ledger, with exact money. */
class DurableSpendTest {

    private static final Instant NOV_20 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant NOV_START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DEC_START = Instant.parse("2026-12-01T00:00:00Z");

    private final LockFreeSpendLedger ledger = new LockFreeSpendLedger(Clock.fixed(NOV_20, ZoneOffset.UTC));
    private final Budget monthly =
            new Budget("m", "acme", BudgetPeriod.MONTHLY, new BigDecimal("10"), ZoneId.of("UTC"));

    @Test
    void aSnapshotRowReplacesTheBaselineAndTakesOutTheLocalSpendItCovers() {
        // given $0.40 and $0.25 settled here, of which the snapshot covers the $0.40
        ledger.replaceBudgets("acme", List.of(monthly));
        settle("0.40", "0.40");
        settle("0.25", "0.25");

        // when the snapshot says $1.40 (the $0.40 plus $1.00 from other nodes)
        ledger.applySnapshot(snapshot(Map.of(NOV_START, "1.40"), "0.40"), NOV_20);

        // then the $0.25 not covered yet still counts once
        assertThat(spent()).isEqualByComparingTo("1.65");
    }

    @Test
    void aBudgetTheSnapshotHasNoRowForKeepsItsSpendWhileTheCoveredPartMovesToItsBaseline() {
        // given $0.40 settled here
        ledger.replaceBudgets("acme", List.of(monthly));
        settle("0.40", "0.40");

        // when a snapshot without a row for the budget covers it, then one with a row of $0.40 + $0.30 covers more
        ledger.applySnapshot(snapshot(Map.of(), "0.40"), NOV_20);
        BigDecimal afterFirst = spent();
        settle("0.30", "0.30");
        ledger.applySnapshot(snapshot(Map.of(NOV_START, "0.70"), "0.30"), NOV_20);

        // then nothing was lost in between and nothing counts twice after
        assertThat(afterFirst).isEqualByComparingTo("0.40");
        assertThat(spent()).isEqualByComparingTo("0.70");
    }

    @Test
    void seedsSetTheFiguresOutrightSoSeedingTwiceCountsOnce() {
        // given a seeder with $2 from the snapshot and $0.35 from this node's spool
        ledger.replaceBudgets("acme", List.of(monthly));
        WindowSeeder seeder = (budget, window) -> new WindowSeeder.Seed(new BigDecimal("2"), new BigDecimal("0.35"));

        // when
        ledger.seedWith(seeder, NOV_20);
        ledger.seedWith(seeder, NOV_20);
        // and a budget added afterwards is seeded too
        Budget daily = new Budget("d", "acme", BudgetPeriod.DAILY, new BigDecimal("3"), ZoneId.of("UTC"));
        ledger.replaceBudgets("acme", List.of(monthly, daily));

        // then
        assertThat(spent()).isEqualByComparingTo("2.35");
        assertThat(ledger.usage("acme", "d", NOV_20).orElseThrow().spentUsd()).isEqualByComparingTo("2.35");
    }

    @Test
    void afterRolloverASnapshotOfThePreviousMonthLeavesTheNewMonthEmpty() {
        // given November spent $9.50
        ledger.replaceBudgets("acme", List.of(monthly));
        settle("9.50", "9.50");

        // when a snapshot computed for November is applied on December 1st at 00:00:00
        ledger.applySnapshot(snapshot(Map.of(NOV_START, "9.50"), "9.50"), DEC_START);

        // then December starts at $0 and the full $10 fits at its first instant
        assertThat(ledger.usage("acme", "m", DEC_START).orElseThrow().spentUsd())
                .isEqualByComparingTo("0");
        assertThat(ledger.tryAdmit("acme", new BigDecimal("10"), DEC_START).admitted())
                .isTrue();
        assertThat(ledger.tryAdmit("acme", new BigDecimal("0.01"), DEC_START.minusNanos(1))
                        .admitted())
                .isFalse();
    }

    @Test
    void spendListenersSeeEachSettleAsBeforeAndAfter() {
        // given
        ledger.replaceBudgets("acme", List.of(monthly));
        List<String> seen = new ArrayList<>();
        ledger.addSpendListener((budget, window, before, after) -> seen.add(
                budget.id() + " " + window.start() + " " + before.toPlainString() + "->" + after.toPlainString()));

        // when
        settle("1.00", "0.75");
        settle("0.50", "0");
        settle("1.00", "1.25");

        // then a release (actual $0) grows nothing
        assertThat(seen).containsExactly("m " + NOV_START + " 0->0.75", "m " + NOV_START + " 0.75->2.00");
    }

    private void settle(String estimate, String actual) {
        Admission admission = ledger.tryAdmit("acme", new BigDecimal(estimate), NOV_20);
        assertThat(admission.admitted()).isTrue();
        ((Admission.Admitted) admission).reservation().settle(new BigDecimal(actual));
    }

    private BigDecimal spent() {
        return ledger.usage("acme", "m", NOV_20).orElseThrow().spentUsd();
    }

    private static SnapshotSpend snapshot(Map<Instant, String> rows, String newlyCovered) {
        return new SnapshotSpend() {
            @Override
            public BigDecimal spentUsd(String budgetId, Instant windowStart) {
                String row = rows.get(windowStart);
                return row == null ? null : new BigDecimal(row);
            }

            @Override
            public BigDecimal newlyCoveredUsd(String tenantId, BudgetWindow window) {
                return window.start().equals(NOV_START) ? new BigDecimal(newlyCovered) : BigDecimal.ZERO;
            }
        };
    }
}
