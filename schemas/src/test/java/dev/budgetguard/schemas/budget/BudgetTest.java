package dev.budgetguard.schemas.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetTest {

    @Test
    void negativeAmountIsRefusedNamingLimitUsd() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Budget.of("b1", "acme", BudgetPeriod.MONTHLY, new BigDecimal("-0.01"), "UTC"))
                .withMessageStartingWith("limitUsd:")
                .withMessageContaining("-0.01");
    }

    @Test
    void unknownZoneIsRefusedNamingZone() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Budget.of("b1", "acme", BudgetPeriod.MONTHLY, BigDecimal.TEN, "Mars/Olympus_Mons"))
                .withMessageStartingWith("zone:")
                .withMessageContaining("Mars/Olympus_Mons");
    }

    @Test
    void fixedOffsetIsRefusedBecauseItIgnoresDst() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Budget("b1", "acme", BudgetPeriod.DAILY, BigDecimal.TEN, ZoneOffset.ofHours(2)))
                .withMessageStartingWith("zone:");
    }

    @Test
    void anIanaFixedOffsetZoneIsRefusedButEveryNameOfUtcIsAccepted() {
        // when / then: Etc/GMT+3 is an IANA id, yet a fixed offset that never follows DST
        for (String fixed : List.of("Etc/GMT+3", "Etc/GMT-14", "EST")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Budget.of("b1", "acme", BudgetPeriod.DAILY, BigDecimal.TEN, fixed))
                    .withMessageStartingWith("zone:")
                    .withMessageContaining("'" + fixed + "'");
        }
        for (String utc : List.of("UTC", "Etc/UTC", "GMT", "Etc/GMT", "Etc/GMT+0", "Zulu")) {
            assertThat(Budget.of("b1", "acme", BudgetPeriod.DAILY, BigDecimal.TEN, utc)
                            .zone()
                            .getId())
                    .isEqualTo(utc);
        }
        assertThat(Budget.isAllowedZone("America/New_York")).isTrue();
        assertThat(Budget.isAllowedZone("Asia/Kolkata")).isTrue();
    }

    @Test
    void customEndBeforeStartIsRefusedNamingEnd() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BudgetPeriod.Custom(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 1)))
                .withMessageStartingWith("end:")
                .withMessageContaining("2026-09-01");
    }

    @Test
    void unknownPeriodNameIsRefusedNamingPeriod() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BudgetPeriod.named("hourly"))
                .withMessageStartingWith("period:");
    }

    @Test
    void thresholdsDefaultAndMustIncrease() {
        // given
        Budget budget = Budget.of("b1", "acme", BudgetPeriod.MONTHLY, new BigDecimal("500"), "Europe/Berlin");

        // then
        assertThat(budget.thresholds()).containsExactly(50, 80, 100);
        assertThat(budget.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new Budget("b1", "acme", BudgetPeriod.DAILY, BigDecimal.ONE, ZoneId.of("UTC"), List.of(80, 50)))
                .withMessageStartingWith("thresholds:");
    }
}
