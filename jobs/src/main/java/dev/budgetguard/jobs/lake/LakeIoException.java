package dev.budgetguard.jobs.lake;

/** A lake file could not be written, renamed, listed or deleted. */
public final class LakeIoException extends RuntimeException {
    public LakeIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
