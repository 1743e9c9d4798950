package dev.budgetguard.reports.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SpendPeriodTest {

    @Test
    void inclusiveUtcDaysBecomeAHalfOpenInstantRange() {
        // when
        SpendPeriod november = SpendPeriod.utcDays(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));

        // then
        assertThat(november.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(november.until()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(november.describe()).isEqualTo("2026-11-01 .. 2026-11-30 (UTC, both days included)");
    }

    @Test
    void aSingleDayIsTwentyFourHours() {
        SpendPeriod day = SpendPeriod.utcDays(LocalDate.parse("2026-11-05"), LocalDate.parse("2026-11-05"));

        assertThat(day.until()).isEqualTo(Instant.parse("2026-11-06T00:00:00Z"));
    }

    @Test
    void aRangeNotOnUtcMidnightsIsDescribedAsInstants() {
        SpendPeriod berlinNovember =
                new SpendPeriod(Instant.parse("2026-10-31T23:00:00Z"), Instant.parse("2026-11-30T23:00:00Z"));

        assertThat(berlinNovember.describe()).isEqualTo("[2026-10-31T23:00:00Z, 2026-11-30T23:00:00Z)");
    }

    @Test
    void backwardsRangesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> SpendPeriod.utcDays(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-11-01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("to (2026-11-01) must not be before from (2026-11-30)");
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        assertThatThrownBy(() -> new SpendPeriod(at, at))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("until (2026-11-01T00:00:00Z) must be after from");
    }
}
