package dev.budgetguard.ingest.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockFreeSpendLedgerTest {

    private static final Instant NOON = Instant.parse("2026-08-19T12:00:00Z");

    private final LockFreeSpendLedger ledger = new LockFreeSpendLedger();

    @Test
    void thirtyCentsFitThreeDimesExactlyAndRefuseTheFourth() {
        // given $0.30; in binary floating point 0.1 + 0.1 + 0.1 > 0.3, so the third would already be refused
        ledger.replaceBudgets("acme", List.of(daily("d", "0.30", "UTC")));

        // when
        List<Admission> three = List.of(admit("0.10"), admit("0.10"), admit("0.10"));
        Admission fourth = admit("0.10");

        // then
        assertThat(three).allMatch(Admission::admitted);
        assertThat(fourth).isInstanceOf(Admission.Refused.class);
        Admission.Refused refused = (Admission.Refused) fourth;
        assertThat(refused.budgetId()).isEqualTo("d");
        assertThat(refused.remainingUsd()).isEqualByComparingTo("0");
        assertThat(usage("d").reservedUsd()).isEqualByComparingTo("0.30");
    }

    @Test
    void settleAndReleaseEachEndAReservationExactlyOnce() {
        // given
        ledger.replaceBudgets("acme", List.of(daily("d", "1.00", "UTC")));
        Reservation settled = reservation(admit("0.40"));
        Reservation released = reservation(admit("0.40"));

        // when
        boolean firstSettle = settled.settle(new BigDecimal("0.25"));
        boolean secondSettle = settled.settle(new BigDecimal("0.25"));
        boolean releaseAfterSettle = settled.release();
        boolean firstRelease = released.release();
        released.close();
        boolean settleAfterRelease = released.settle(new BigDecimal("0.40"));

        // then only the first call of each counted
        assertThat(List.of(firstSettle, secondSettle, releaseAfterSettle)).containsExactly(true, false, false);
        assertThat(List.of(firstRelease, settleAfterRelease)).containsExactly(true, false);
        assertThat(usage("d").spentUsd()).isEqualByComparingTo("0.25");
        assertThat(usage("d").reservedUsd()).isEqualByComparingTo("0");
    }

    @Test
    void admissionIsAllOrNothingAcrossBudgets() {
        // given a roomy monthly budget and a nearly spent daily one
        ledger.replaceBudgets("acme", List.of(monthly("m", "100"), daily("d", "1.00", "UTC")));
        ledger.applyBaseline(SpendBaseline.atStart("acme", "d", day(NOON), new BigDecimal("0.90")));

        // when
        Admission refused = admit("0.20");

        // then the daily budget refuses, and the monthly one holds nothing for the refused request
        assertThat(((Admission.Refused) refused).budgetId()).isEqualTo("d");
        assertThat(((Admission.Refused) refused).remainingUsd()).isEqualByComparingTo("0.10");
        assertThat(usage("m").reservedUsd()).isEqualByComparingTo("0");
    }

    @Test
    void shanghaiDayRollsOverAtLocalMidnightWithoutAnyJob() {
        // given a Shanghai daily budget fully spent on 2026-08-19 local
        ledger.replaceBudgets("acme", List.of(daily("d", "5.00", "Asia/Shanghai")));
        Instant lastSecond = Instant.parse("2026-08-19T15:59:59Z");
        ledger.applyBaseline(
                SpendBaseline.atStart("acme", "d", Instant.parse("2026-08-18T16:00:00Z"), new BigDecimal("5.00")));

        // when
        Admission before = ledger.tryAdmit("acme", new BigDecimal("0.01"), lastSecond);
        Admission after = ledger.tryAdmit("acme", new BigDecimal("0.01"), Instant.parse("2026-08-19T16:00:00Z"));

        // then
        assertThat(before.admitted()).isFalse();
        assertThat(after.admitted()).isTrue();
    }

    @Test
    void aSettleAfterRolloverLeavesTheNewWindowUntouched() {
        // given a request admitted in the last second of a UTC day
        ledger.replaceBudgets("acme", List.of(daily("d", "1.00", "UTC")));
        Reservation late =
                reservation(ledger.tryAdmit("acme", new BigDecimal("0.50"), Instant.parse("2026-08-19T23:59:59Z")));
        Instant nextDay = Instant.parse("2026-08-20T00:00:01Z");
        reservation(ledger.tryAdmit("acme", new BigDecimal("0.10"), nextDay));

        // when it settles the next day
        late.settle(new BigDecimal("0.30"));

        // then its cost belongs to the closed day; the new day holds only its own request
        BudgetUsage today = ledger.usage("acme", "d", nextDay).orElseThrow();
        assertThat(today.spentUsd()).isEqualByComparingTo("0");
        assertThat(today.reservedUsd()).isEqualByComparingTo("0.10");
    }

    @Test
    void aNewBaselineRemovesTheLocalSpendItNowCovers() {
        // given a baseline of $2.00 and $0.70 settled locally since
        ledger.replaceBudgets("acme", List.of(daily("d", "10", "UTC")));
        ledger.applyBaseline(SpendBaseline.atStart("acme", "d", day(NOON), new BigDecimal("2.00")));
        reservation(admit("1.00")).settle(new BigDecimal("0.70"));

        // when the next snapshot includes $0.50 of that local spend (now $2.50 in total)
        ledger.applyBaseline(new SpendBaseline("acme", "d", day(NOON), new BigDecimal("2.50"), new BigDecimal("0.50")));

        // then the spend counts once: 2.50 + the 0.20 not yet covered
        assertThat(usage("d").spentUsd()).isEqualByComparingTo("2.70");
    }

    @Test
    void replacingBudgetsKeepsTheTallyOfAnUnchangedBudget() {
        // given $0.60 held against a $1.00 budget
        ledger.replaceBudgets("acme", List.of(daily("d", "1.00", "UTC")));
        Reservation open = reservation(admit("0.60"));

        // when the limit is lowered to $0.80 and a monthly budget is added
        ledger.replaceBudgets("acme", List.of(daily("d", "0.80", "UTC"), monthly("m", "50")));

        // then the hold still counts, and its settlement reaches the new budget too
        assertThat(admit("0.30").admitted()).isFalse();
        open.settle(new BigDecimal("0.40"));
        assertThat(usage("d").spentUsd()).isEqualByComparingTo("0.40");
        assertThat(usage("m").spentUsd()).isEqualByComparingTo("0.40");
    }

    @Test
    void badInputIsRefusedByName() {
        ledger.replaceBudgets("acme", List.of(daily("d", "1.00", "UTC")));

        assertThatIllegalArgumentException().isThrownBy(() -> admit("-0.01")).withMessageStartingWith("estimateUsd:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> reservation(admit("0.10")).settle(new BigDecimal("-1")))
                .withMessageStartingWith("actualUsd:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ledger.replaceBudgets("other", List.of(daily("d", "1", "UTC"))))
                .withMessageStartingWith("tenantId:");
    }

    private Admission admit(String estimate) {
        return ledger.tryAdmit("acme", new BigDecimal(estimate), NOON);
    }

    private BudgetUsage usage(String budgetId) {
        return ledger.usage("acme", budgetId, NOON).orElseThrow();
    }

    static Reservation reservation(Admission admission) {
        assertThat(admission).isInstanceOf(Admission.Admitted.class);
        return ((Admission.Admitted) admission).reservation();
    }

    static Budget daily(String id, String limit, String zone) {
        return Budget.of(id, "acme", BudgetPeriod.DAILY, new BigDecimal(limit), zone);
    }

    private static Budget monthly(String id, String limit) {
        return Budget.of(id, "acme", BudgetPeriod.MONTHLY, new BigDecimal(limit), "UTC");
    }

    private static Instant day(Instant at) {
        return BudgetPeriod.DAILY
                .window(at, java.time.ZoneId.of("UTC"))
                .orElseThrow()
                .start();
    }
}
