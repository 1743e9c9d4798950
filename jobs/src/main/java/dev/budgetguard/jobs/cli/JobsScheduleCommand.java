package dev.budgetguard.jobs.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code jobs schedule}: starts the Quartz scheduler and runs its rounds until the process is stopped. */
@Component
class JobsScheduleCommand implements Command {

    private static final Logger log = LoggerFactory.getLogger(JobsScheduleCommand.class);

    private final Scheduler scheduler;
    private final ScheduleProperties schedule;

    JobsScheduleCommand(Scheduler scheduler, ScheduleProperties schedule) {
        this.scheduler = scheduler;
        this.schedule = schedule;
    }

    @Override
    public String name() {
        return "jobs schedule";
    }

    @Override
    public String usage() {
        return "(runs " + String.join(" then ", schedule.jobs())
                + " every budgetguard.schedule.interval until stopped)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        if (!args.isEmpty()) {
            throw new CommandException("takes no arguments; set budgetguard.schedule.interval and .jobs instead");
        }
        log.info("schedule_started interval={} jobs={}", schedule.interval(), schedule.jobs());
        scheduler.start();
        new CountDownLatch(1).await();
        return 0;
    }
}
