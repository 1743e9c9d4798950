package dev.budgetguard.jobs.cli;

import java.util.List;

/** One command of the jobs application, registered by declaring it as a bean. */
public interface Command {

    /** The words that select the command, such as {@code jobs run} or {@code demo}. */
    String name();

    /** The arguments after the name, for the usage text, such as {@code <job> [--as-of INSTANT]}. */
    String usage();

    /**
     * Runs the command with the arguments that follow its name.
     *
     * @return the process exit code: 0 for success
     * @throws CommandException for a usage error or a refusal, whose message is shown to the operator
     */
    int run(List<String> args) throws Exception;
}
