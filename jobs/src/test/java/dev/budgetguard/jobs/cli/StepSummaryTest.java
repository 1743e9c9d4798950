package dev.budgetguard.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

class StepSummaryTest {

    @Test
    void showsTheStepsCountsSoThatCompletedNeverHidesZeroRows() {
        // given a rollup step that found nothing sealed yet
        JobExecution job = new JobExecution(7, new JobInstance(3, "rollupUsageJob"), new JobParameters());
        StepExecution step = new StepExecution(11, "rollupUsageStep", job);
        step.setStatus(BatchStatus.COMPLETED);
        step.getExecutionContext().putLong("rows", 0);
        step.getExecutionContext().putLong("segments", 0);
        step.getExecutionContext().putString("note", "not a count");

        // when / then
        assertThat(StepSummary.of(step)).isEqualTo("step=rollupUsageStep status=COMPLETED rows=0 segments=0");
    }
}
