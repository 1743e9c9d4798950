package dev.budgetguard.jobs.cli;

/** A command was used wrongly or refused to run; the message tells the operator what to do instead. */
public class CommandException extends RuntimeException {
    public CommandException(String message) {
        super(message);
    }
}
