package dev.budgetguard.jobs.cli;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What {@code jobs schedule} runs, and how often.
 *
 * @param interval time between the end of one round and the start of the next
 * @param jobs the job aliases run in order each round; a round stops at the first job that does not complete, so the
 *     budget snapshot is only ever computed after a successful rollup
 */
@ConfigurationProperties("budgetguard.schedule")
public record ScheduleProperties(
        @DefaultValue("5m") Duration interval,
        @DefaultValue({"rollup", "recompute-budgets"}) List<String> jobs) {

    public ScheduleProperties {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("budgetguard.schedule.interval must be positive, was " + interval);
        }
        if (jobs == null || jobs.isEmpty()) {
            throw new IllegalArgumentException("budgetguard.schedule.jobs must name at least one job");
        }
        jobs = List.copyOf(jobs);
    }
}
