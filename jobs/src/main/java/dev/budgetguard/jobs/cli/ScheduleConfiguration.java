package dev.budgetguard.jobs.cli;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the scheduled round with Quartz; the scheduler itself only starts under {@code jobs schedule}. */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

    static final String ROUND = "scheduledRound";

    @Bean
    JobDetail scheduledRoundDetail() {
        return JobBuilder.newJob(ScheduledRound.class)
                .withIdentity(ROUND)
                .storeDurably()
                .build();
    }

    @Bean
    Trigger scheduledRoundTrigger(JobDetail scheduledRoundDetail, ScheduleProperties schedule) {
        return TriggerBuilder.newTrigger()
                .forJob(scheduledRoundDetail)
                .withIdentity(ROUND)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(schedule.interval().toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .startNow()
                .build();
    }
}
