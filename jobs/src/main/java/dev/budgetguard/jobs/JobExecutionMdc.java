package dev.budgetguard.jobs;

import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Puts the job's name and execution id in the logging context for the whole run, so that every line a job logs can
 * be tied to its execution, and logs one line when the job ends. Jobs run on the launching thread.
 */
public final class JobExecutionMdc implements JobExecutionListener {

    public static final String JOB_NAME = "jobName";
    public static final String JOB_EXECUTION_ID = "jobExecutionId";

    private static final Logger log = LoggerFactory.getLogger(JobExecutionMdc.class);

    @Override
    public void beforeJob(JobExecution execution) {
        MDC.put(JOB_NAME, execution.getJobInstance().getJobName());
        MDC.put(JOB_EXECUTION_ID, Long.toString(execution.getId()));
    }

    @Override
    public void afterJob(JobExecution execution) {
        // The end time is set only after the listeners have run.
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        long millis = execution.getStartTime() == null
                ? 0
                : Duration.between(execution.getStartTime(), end).toMillis();
        log.info(
                "job={} execution={} status={} exit={} durationMs={}",
                execution.getJobInstance().getJobName(),
                execution.getId(),
                execution.getStatus(),
                execution.getExitStatus().getExitCode(),
                millis);
        MDC.remove(JOB_NAME);
        MDC.remove(JOB_EXECUTION_ID);
    }
}
