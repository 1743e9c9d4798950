package dev.budgetguard.ingest.proxy;

/** A request body that grew past the configured limit while it was being read. */
public final class RequestTooLargeException extends RuntimeException {

    public RequestTooLargeException(int limit) {
        // No stack trace: the cause is always the same, and an oversized upload is a client's doing, not a bug.
        super("request body exceeds " + limit + " bytes", null, false, false);
    }
}
