package dev.budgetguard.ingest.proxy.wire;

/**
 * Looks at each server-sent event of one upstream stream as it passes, reporting usage to its {@link UsageSink}. Not
 * thread-safe: one per stream, fed in order.
 */
public interface StreamInspector {

    /** The event as the client gets it (usually the same array), or {@code null} to drop it. */
    byte[] inspect(byte[] event);
}
