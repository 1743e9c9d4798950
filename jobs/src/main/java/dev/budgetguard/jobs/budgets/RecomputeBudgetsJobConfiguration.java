package dev.budgetguard.jobs.budgets;

import dev.budgetguard.jobs.JobExecutionMdc;
import dev.budgetguard.jobs.cli.LaunchableJob;
import dev.budgetguard.jobs.lake.LakeProperties;
import dev.budgetguard.jobs.report.LocalLake;
import dev.budgetguard.jobs.rollup.SpoolProperties;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code recomputeBudgetsJob}: one tasklet step, {@code recomputeBudgetsStep}, that writes one budget snapshot.
 *
 * <p>Parameters: {@code run.id} (identifying, added by {@code jobs run}) and {@code asOf} (non-identifying ISO-8601
 * instant from whose active windows the rows start, through the windows active at the clock's now; now when absent).
 * The step's transaction holds every insert.
 */
@Configuration(proxyBeanMethods = false)
class RecomputeBudgetsJobConfiguration {

    static final String JOB_NAME = "recomputeBudgetsJob";
    static final String STEP_NAME = "recomputeBudgetsStep";
    static final String AS_OF = "asOf";

    @Bean
    @StepScope
    RecomputeBudgetsTasklet recomputeBudgetsTasklet(
            JdbcClient jdbc,
            JdbcTemplate template,
            SpoolProperties spool,
            LakeProperties lake,
            Clock clock,
            @Value("#{jobParameters['" + AS_OF + "']}") String asOf) {
        return new RecomputeBudgetsTasklet(
                jdbc,
                new LiveBudgets(jdbc),
                new SnapshotWriter(jdbc, template),
                new SpoolLayout(spool.dir()),
                LocalLake.of(lake),
                clock,
                asOf == null ? clock.instant() : Instant.parse(asOf));
    }

    @Bean
    Step recomputeBudgetsStep(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            RecomputeBudgetsTasklet recomputeBudgetsTasklet) {
        return new StepBuilder(STEP_NAME, jobRepository)
                .tasklet(recomputeBudgetsTasklet, transactionManager)
                .build();
    }

    @Bean
    Job recomputeBudgetsJob(JobRepository jobRepository, Step recomputeBudgetsStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(new JobExecutionMdc())
                .start(recomputeBudgetsStep)
                .build();
    }

    @Bean
    LaunchableJob recomputeBudgetsLaunch(Job recomputeBudgetsJob, Clock clock) {
        return new RecomputeBudgetsLaunch(recomputeBudgetsJob, clock);
    }
}
