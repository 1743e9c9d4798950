package dev.budgetguard.jobs.budgets;

import dev.budgetguard.jobs.cli.CommandException;
import dev.budgetguard.jobs.cli.CommandOptions;
import dev.budgetguard.jobs.cli.LaunchableJob;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * {@code jobs run recompute-budgets [--as-of INSTANT]}: each budget's windows from the one active at {@code asOf}
 * (default now) through the one active now. An {@code asOf} in the future is refused: no spend exists there yet.
 */
final class RecomputeBudgetsLaunch implements LaunchableJob {

    private final Job job;
    private final Clock clock;

    RecomputeBudgetsLaunch(Job job, Clock clock) {
        this.job = job;
        this.clock = clock;
    }

    @Override
    public String alias() {
        return "recompute-budgets";
    }

    @Override
    public Job job() {
        return job;
    }

    @Override
    public String optionsUsage() {
        return "[--as-of 2026-12-01T00:00:00Z]";
    }

    @Override
    public JobParameters parameters(CommandOptions options) {
        options.requireOnly(Set.of("as-of"));
        Instant now = clock.instant();
        Instant asOf =
                options.value("as-of").map(RecomputeBudgetsLaunch::instant).orElse(now);
        if (asOf.isAfter(now)) {
            throw new CommandException("--as-of must not be later than now (" + now + "), was '" + asOf
                    + "': a snapshot is recomputed as of a past instant, its rows run through now");
        }
        return new JobParametersBuilder()
                .addString(RecomputeBudgetsJobConfiguration.AS_OF, asOf.toString(), false)
                .toJobParameters();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandException(
                    "--as-of must be an ISO-8601 UTC instant such as 2026-12-01T00:00:00Z, was '" + text + "'");
        }
    }
}
