package dev.budgetguard.jobs.cli;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * One round of {@code jobs schedule}: the configured jobs in order, each launched as {@code jobs run} would (so a
 * failed run is restarted next round), stopping at the first that does not complete. Rounds never overlap.
 */
@DisallowConcurrentExecution
class ScheduledRound extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRound.class);

    private final JobsRunCommand runs;
    private final ScheduleProperties schedule;

    ScheduledRound(JobsRunCommand runs, ScheduleProperties schedule) {
        this.runs = runs;
        this.schedule = schedule;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        for (String alias : schedule.jobs()) {
            try {
                JobExecution execution = runs.launch(alias);
                if (execution.getStatus() != BatchStatus.COMPLETED) {
                    log.warn("schedule_round_stopped job={} status={}", alias, execution.getStatus());
                    return;
                }
            } catch (Exception e) {
                log.warn("schedule_round_stopped job={} error=\"{}\"", alias, e.toString());
                return;
            }
        }
    }
}
