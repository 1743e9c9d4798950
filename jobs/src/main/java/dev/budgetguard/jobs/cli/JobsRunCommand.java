package dev.budgetguard.jobs.cli;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * {@code jobs run <job> [options] [--recover]}: runs a job to its end and exits 0 only if it completed.
 *
 * <p>Each run is a new job instance identified by {@code run.id}, one more than the last instance's, unless the last
 * execution failed or was stopped: then that execution is restarted with its own parameters (same {@code run.id},
 * same {@code asOf}), so it picks up where it stopped and decides as it would have. An execution still marked running
 * after its process was killed is restarted only with {@code --recover}, because from here it cannot be told apart
 * from one that really is running.
 */
@Component
class JobsRunCommand implements Command {

    static final String RUN_ID = "run.id";
    static final String RECOVER = "recover";

    private static final Logger log = LoggerFactory.getLogger(JobsRunCommand.class);
    private static final Set<BatchStatus> RESTARTABLE = EnumSet.of(BatchStatus.FAILED, BatchStatus.STOPPED);
    private static final Set<BatchStatus> MAYBE_RUNNING =
            EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING, BatchStatus.UNKNOWN);

    private final Map<String, LaunchableJob> jobs;
    private final JobOperator operator;
    private final JobRepository repository;

    JobsRunCommand(List<LaunchableJob> jobs, JobOperator operator, JobRepository repository) {
        this.jobs = new HashMap<>();
        jobs.forEach(job -> this.jobs.put(job.alias(), job));
        this.operator = operator;
        this.repository = repository;
    }

    @Override
    public String name() {
        return "jobs run";
    }

    @Override
    public String usage() {
        return jobs.values().stream()
                .map(job -> job.alias() + " " + job.optionsUsage())
                .sorted()
                .collect(Collectors.joining(
                        " | ", "<job> [options] [--recover], where <job> [options] is one of: ", ""));
    }

    @Override
    public int run(List<String> args) throws Exception {
        CommandOptions options = CommandOptions.parse(args);
        if (options.positional().size() != 1) {
            throw new CommandException("name one job: " + String.join(", ", jobs.keySet()));
        }
        LaunchableJob job = jobs.get(options.positional().get(0));
        if (job == null) {
            throw new CommandException(
                    "unknown job '" + options.positional().get(0) + "'; known: " + String.join(", ", jobs.keySet()));
        }
        JobExecution execution = launch(job, options);
        System.out.println("job=" + job.job().getName() + " execution=" + execution.getId() + " status="
                + execution.getStatus() + " exit=" + execution.getExitStatus().getExitCode());
        execution.getStepExecutions().forEach(step -> System.out.println("  " + StepSummary.of(step)));
        return execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
    }

    /** Runs the job of that alias with its default options, as {@code jobs run <alias>} would; for the scheduler. */
    JobExecution launch(String alias) throws Exception {
        LaunchableJob job = jobs.get(alias);
        if (job == null) {
            throw new CommandException("unknown job '" + alias + "'; known: " + String.join(", ", jobs.keySet()));
        }
        return launch(job, new CommandOptions(List.of(), Map.of()));
    }

    JobExecution launch(LaunchableJob job, CommandOptions options) throws Exception {
        String name = job.job().getName();
        JobInstance lastInstance = repository.getLastJobInstance(name);
        JobExecution last = lastInstance == null ? null : repository.getLastJobExecution(lastInstance);
        if (last != null && MAYBE_RUNNING.contains(last.getStatus())) {
            if (!options.flag(RECOVER)) {
                throw new CommandException("execution " + last.getId() + " of " + name + " is still marked "
                        + last.getStatus() + "; if its process is gone, run again with --recover to restart it");
            }
            last = operator.recover(last);
        }
        if (last != null && RESTARTABLE.contains(last.getStatus())) {
            log.info("job={} restart execution={} status={}", name, last.getId(), last.getStatus());
            return operator.restart(last);
        }
        Map<String, String> own = new HashMap<>(options.options());
        own.remove(RECOVER);
        JobParameters parameters = new JobParametersBuilder(job.parameters(new CommandOptions(List.of(), own)))
                .addLong(RUN_ID, nextRunId(last))
                .toJobParameters();
        return operator.start(job.job(), parameters);
    }

    private static long nextRunId(JobExecution last) {
        Long previous = last == null ? null : last.getJobParameters().getLong(RUN_ID);
        return previous == null ? 1 : previous + 1;
    }
}
