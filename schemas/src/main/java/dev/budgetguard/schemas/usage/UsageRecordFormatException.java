package dev.budgetguard.schemas.usage;

/** A spool line that is not a valid usage record. */
public final class UsageRecordFormatException extends RuntimeException {
    public UsageRecordFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
