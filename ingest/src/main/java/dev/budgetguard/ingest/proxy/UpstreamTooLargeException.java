package dev.budgetguard.ingest.proxy;

/** An upstream answer (a whole body, or one SSE event) that grew past the configured limit while it was read. */
final class UpstreamTooLargeException extends RuntimeException {

    UpstreamTooLargeException(int limit) {
        // No stack trace: the cause is always the same, and it is the provider's doing, not a bug.
        super("upstream answer exceeds " + limit + " bytes", null, false, false);
    }
}
