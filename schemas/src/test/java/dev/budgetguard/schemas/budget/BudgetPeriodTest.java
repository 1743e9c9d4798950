package dev.budgetguard.schemas.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BudgetPeriodTest {

    @Test
    void shanghaiDayEndsAtSixteenHundredUtc() {
        // given a daily period in UTC+8
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");

        // when the window of the last second of the local day and of the next one are taken
        BudgetWindow lastSecond = BudgetPeriod.DAILY
                .window(Instant.parse("2026-08-19T15:59:59Z"), shanghai)
                .orElseThrow();
        BudgetWindow nextDay = BudgetPeriod.DAILY
                .window(Instant.parse("2026-08-19T16:00:00Z"), shanghai)
                .orElseThrow();

        // then local midnight is the boundary, half-open
        assertThat(lastSecond)
                .isEqualTo(
                        new BudgetWindow(Instant.parse("2026-08-18T16:00:00Z"), Instant.parse("2026-08-19T16:00:00Z")));
        assertThat(nextDay.start()).isEqualTo(Instant.parse("2026-08-19T16:00:00Z"));
    }

    @Test
    void amsterdamDaysAcrossDstAreTwentyThreeAndTwentyFiveHours() {
        // given Amsterdam, which springs forward on 2026-03-29 and falls back on 2026-10-25
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");

        // when
        BudgetWindow spring = BudgetPeriod.DAILY
                .window(Instant.parse("2026-03-29T12:00:00Z"), amsterdam)
                .orElseThrow();
        BudgetWindow autumn = BudgetPeriod.DAILY
                .window(Instant.parse("2026-10-25T12:00:00Z"), amsterdam)
                .orElseThrow();

        // then
        assertThat(spring)
                .isEqualTo(
                        new BudgetWindow(Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-29T22:00:00Z")));
        assertThat(spring.duration()).isEqualTo(Duration.ofHours(23));
        assertThat(autumn.duration()).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void budapestJanuary2025IsLocalMidnightToLocalMidnight() {
        // given
        ZoneId budapest = ZoneId.of("Europe/Budapest");

        // when the first and the last instant of the local month are looked up
        BudgetWindow first = BudgetPeriod.MONTHLY
                .window(Instant.parse("2024-12-31T23:00:00Z"), budapest)
                .orElseThrow();
        BudgetWindow last = BudgetPeriod.MONTHLY
                .window(Instant.parse("2025-01-31T22:59:59.999999999Z"), budapest)
                .orElseThrow();

        // then both are January, [2024-12-31T23:00Z, 2025-01-31T23:00Z)
        BudgetWindow january =
                new BudgetWindow(Instant.parse("2024-12-31T23:00:00Z"), Instant.parse("2025-01-31T23:00:00Z"));
        assertThat(first).isEqualTo(january);
        assertThat(last).isEqualTo(january);
    }

    @Test
    void weeksStartOnMondayLocally() {
        // given Sunday 2026-08-23 23:30 in Berlin (21:30Z) and Monday 00:30 local
        ZoneId berlin = ZoneId.of("Europe/Berlin");

        // when
        BudgetWindow sunday = BudgetPeriod.WEEKLY
                .window(Instant.parse("2026-08-23T21:30:00Z"), berlin)
                .orElseThrow();
        BudgetWindow monday = BudgetPeriod.WEEKLY
                .window(Instant.parse("2026-08-23T22:30:00Z"), berlin)
                .orElseThrow();

        // then Sunday closes the week begun Monday 2026-08-17; Monday opens the next
        assertThat(sunday)
                .isEqualTo(
                        new BudgetWindow(Instant.parse("2026-08-16T22:00:00Z"), Instant.parse("2026-08-23T22:00:00Z")));
        assertThat(monday.start()).isEqualTo(Instant.parse("2026-08-23T22:00:00Z"));
    }

    @Test
    void customRangeIsActiveOnlyInsideItsLocalDates() {
        // given September 2026 in New York (UTC-4)
        BudgetPeriod september = new BudgetPeriod.Custom(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1));
        ZoneId newYork = ZoneId.of("America/New_York");

        // then
        assertThat(september.window(Instant.parse("2026-09-01T03:59:59Z"), newYork))
                .isEmpty();
        assertThat(september.window(Instant.parse("2026-09-01T04:00:00Z"), newYork))
                .contains(
                        new BudgetWindow(Instant.parse("2026-09-01T04:00:00Z"), Instant.parse("2026-10-01T04:00:00Z")));
        assertThat(september.window(Instant.parse("2026-10-01T04:00:00Z"), newYork))
                .isEmpty();
    }

    @Test
    void periodsParseByAdminApiName() {
        assertThat(BudgetPeriod.named("Monthly")).isSameAs(BudgetPeriod.MONTHLY);
        assertThat(BudgetPeriod.DAILY.name()).isEqualTo("daily");
    }
}
