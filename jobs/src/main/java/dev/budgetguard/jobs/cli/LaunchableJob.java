package dev.budgetguard.jobs.cli;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;

/** A Batch job that {@code jobs run <alias>} can start, with the parameters its command-line options give. */
public interface LaunchableJob {

    /** The short name on the command line, such as {@code rollup}. */
    String alias();

    Job job();

    /** The options after the alias, for the usage text, such as {@code [--as-of INSTANT]}. */
    String optionsUsage();

    /**
     * The job's parameters from the options, without {@code run.id}: the launcher adds that identifying parameter.
     *
     * @throws CommandException for an unknown or malformed option
     */
    JobParameters parameters(CommandOptions options);
}
