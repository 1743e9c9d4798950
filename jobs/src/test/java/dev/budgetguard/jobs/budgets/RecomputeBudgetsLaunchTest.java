package dev.budgetguard.jobs.budgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.budgetguard.jobs.cli.CommandException;
import dev.budgetguard.jobs.cli.CommandOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --as-of}: a past instant is passed on as the job's {@code asOf}, a future one is refused with a message. */
class RecomputeBudgetsLaunchTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private final RecomputeBudgetsLaunch launch = new RecomputeBudgetsLaunch(null, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aPastAsOfIsPassedOnAndNoneMeansNow() {
        // when
        String past = launch.parameters(CommandOptions.parse(List.of("--as-of", "2026-11-15T00:00:00Z")))
                .getString(RecomputeBudgetsJobConfiguration.AS_OF);
        String absent =
                launch.parameters(CommandOptions.parse(List.of())).getString(RecomputeBudgetsJobConfiguration.AS_OF);

        // then
        assertThat(past).isEqualTo("2026-11-15T00:00:00Z");
        assertThat(absent).isEqualTo(NOW.toString());
    }

    @Test
    void anAsOfLaterThanNowIsRefused() {
        // when / then
        assertThatThrownBy(() -> launch.parameters(CommandOptions.parse(List.of("--as-of", "2026-12-03T12:00:01Z"))))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("--as-of must not be later than now (2026-12-03T12:00:00Z)")
                .hasMessageContaining("2026-12-03T12:00:01Z");
    }
}
