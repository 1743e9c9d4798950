package dev.budgetguard.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.jobs.JobsApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The Quartz schedule of {@code jobs schedule}: registered but not started, and a round runs rollup then snapshot. */
@SpringBootTest(classes = JobsApplication.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:schedule-it;DB_CLOSE_DELAY=-1")
class ScheduleIT {

    private static final Path ROOT = tempRoot();

    @DynamicPropertySource
    static void paths(DynamicPropertyRegistry registry) {
        registry.add("budgetguard.spool.dir", () -> ROOT.resolve("spool").toString());
        registry.add("budgetguard.lake.uri", () -> ROOT.resolve("lake").toString());
    }

    @Autowired
    Scheduler scheduler;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRoundIsScheduledEveryFiveMinutesButTheSchedulerWaitsForTheCommand() throws Exception {
        // when
        SimpleTrigger trigger =
                (SimpleTrigger) scheduler.getTrigger(TriggerKey.triggerKey(ScheduleConfiguration.ROUND));

        // then
        assertThat(scheduler.isStarted()).isFalse();
        assertThat(trigger.getRepeatInterval()).isEqualTo(300_000L);
        assertThat(trigger.getJobKey()).isEqualTo(JobKey.jobKey(ScheduleConfiguration.ROUND));
    }

    @Test
    void aRoundRunsTheRollupAndThenTheBudgetSnapshot() throws Exception {
        // given the round made as Quartz's Spring job factory makes it
        ScheduledRound round = context.getAutowireCapableBeanFactory().createBean(ScheduledRound.class);

        // when
        round.executeInternal(null);

        // then
        List<String> runs = jdbc.sql(
                        "SELECT i.job_name || '=' || e.status FROM batch_job_execution e"
                                + " JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id ORDER BY e.job_execution_id")
                .query(String.class)
                .list();
        assertThat(runs).containsExactly("rollupUsageJob=COMPLETED", "recomputeBudgetsJob=COMPLETED");
        assertThat(jdbc.sql("SELECT count(*) FROM budget_snapshot")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    private static Path tempRoot() {
        try {
            return Files.createTempDirectory("schedule-it");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
