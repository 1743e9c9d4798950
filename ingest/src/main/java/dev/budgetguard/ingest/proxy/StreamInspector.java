package dev.budgetguard.ingest.proxy;

/**
 * Looks at each SSE event of one streamed answer as it passes, in order, on the call's event loop: takes usage from
 * the events that carry it (reporting it to the call) and says what the client gets. One instance per call.
 */
@FunctionalInterface
public interface StreamInspector {

    /**
     * The event as the client gets it (usually {@code event} itself, never copied without need), or {@code null} to
     * drop it.
     *
     * @param event one whole event, its terminating blank line included
     */
    byte[] inspect(byte[] event);
}
