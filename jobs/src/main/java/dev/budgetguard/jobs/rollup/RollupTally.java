package dev.budgetguard.jobs.rollup;

import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Counts what one execution of the rollup step did and logs it as one summary line when the step ends. The counts
 * also go to the step's execution context, where {@code jobs status} can read them.
 */
class RollupTally implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RollupTally.class);

    private long planned;
    private long segments;
    private long rows;
    private long rejects;
    private long deferred;

    void planned(long pendingSegments) {
        planned = pendingSegments;
    }

    void rolled(long rowCount, long rejectCount) {
        segments++;
        rows += rowCount;
        rejects += rejectCount;
    }

    void deferred() {
        deferred++;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        var context = stepExecution.getExecutionContext();
        context.putLong("segments", segments);
        context.putLong("rows", rows);
        context.putLong("rejects", rejects);
        context.putLong("deferred", deferred);
        long millis = elapsedMillis(stepExecution.getStartTime());
        log.info(
                "step={} status={} pending={} segments={} rows={} rejects={} deferred={} durationMs={} rowsPerSec={}",
                stepExecution.getStepName(),
                stepExecution.getStatus(),
                planned,
                segments,
                rows,
                rejects,
                deferred,
                millis,
                millis == 0 ? rows * 1000 : rows * 1000 / millis);
        return stepExecution.getExitStatus();
    }

    private static long elapsedMillis(LocalDateTime start) {
        return start == null ? 0 : Duration.between(start, LocalDateTime.now()).toMillis();
    }
}
