package dev.budgetguard.ingest.proxy.wire;

/** A token count past {@link TokenCounts#MAX_PLAUSIBLE}: unwinds a usage read, which then reports no usage. */
public final class ImplausibleCountException extends RuntimeException {

    ImplausibleCountException() {
        super(null, null, false, false);
    }
}
