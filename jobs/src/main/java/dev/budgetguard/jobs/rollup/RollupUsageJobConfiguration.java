package dev.budgetguard.jobs.rollup;

import dev.budgetguard.jobs.JobExecutionMdc;
import dev.budgetguard.jobs.cli.LaunchableJob;
import dev.budgetguard.jobs.lake.HadoopLake;
import dev.budgetguard.schemas.spool.SpoolLayout;
import java.time.Clock;
import java.time.Instant;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code rollupUsageJob}: one chunk-oriented step, {@code rollupUsageStep}, whose item is one sealed segment.
 *
 * <p>Parameters: {@code run.id} (identifying, added by {@code jobs run}; a failed run is restarted under the same id)
 * and {@code asOf} (non-identifying ISO-8601 instant the completion horizon is judged from; now when absent). A chunk is
 * one segment, so a segment's part files and its manifest row commit together and a restart resumes at the first
 * segment not in the manifest.
 */
@Configuration(proxyBeanMethods = false)
class RollupUsageJobConfiguration {

    static final String JOB_NAME = "rollupUsageJob";
    static final String STEP_NAME = "rollupUsageStep";
    static final String AS_OF = "asOf";

    @Bean
    SealedSpool sealedSpool(SpoolProperties spool) {
        return new SealedSpool(new SpoolLayout(spool.dir()));
    }

    @Bean
    RolledSegmentManifest rolledSegmentManifest(JdbcClient jdbc) {
        return new RolledSegmentManifest(jdbc);
    }

    @Bean
    UsagePartFiles usagePartFiles(HadoopLake lake, RollupProperties rollup) {
        return new UsagePartFiles(lake, rollup.compression());
    }

    @Bean
    @StepScope
    RollupTally rollupTally() {
        return new RollupTally();
    }

    @Bean
    @StepScope
    PendingSegmentReader rollupReader(SealedSpool spool, RolledSegmentManifest manifest, RollupTally tally) {
        return new PendingSegmentReader(spool, manifest, tally);
    }

    @Bean
    @StepScope
    SegmentRollupProcessor rollupProcessor(
            RollupProperties rollup, Clock clock, @Value("#{jobParameters['" + AS_OF + "']}") String asOf) {
        Instant judgedAt = asOf == null ? clock.instant() : Instant.parse(asOf);
        return new SegmentRollupProcessor(new CompletionHorizon(judgedAt, rollup.completionHorizon()));
    }

    @Bean
    @StepScope
    LakeSegmentWriter rollupWriter(
            UsagePartFiles parts,
            RolledSegmentManifest manifest,
            Clock clock,
            RollupTally tally,
            @Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
        return new LakeSegmentWriter(parts, manifest, clock, tally, jobExecutionId);
    }

    @Bean
    Step rollupUsageStep(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            PendingSegmentReader rollupReader,
            SegmentRollupProcessor rollupProcessor,
            LakeSegmentWriter rollupWriter,
            RollupTally rollupTally) {
        return new StepBuilder(STEP_NAME, jobRepository)
                .<PendingSegment, SegmentOutcome>chunk(1)
                .transactionManager(transactionManager)
                .reader(rollupReader)
                .processor(rollupProcessor)
                .writer(rollupWriter)
                .listener(rollupTally)
                .build();
    }

    @Bean
    Job rollupUsageJob(JobRepository jobRepository, Step rollupUsageStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(new JobExecutionMdc())
                .start(rollupUsageStep)
                .build();
    }

    @Bean
    LaunchableJob rollupLaunch(Job rollupUsageJob, Clock clock) {
        return new RollupLaunch(rollupUsageJob, clock);
    }
}
