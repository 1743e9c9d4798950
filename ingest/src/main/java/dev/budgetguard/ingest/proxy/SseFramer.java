package dev.budgetguard.ingest.proxy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a byte stream into server-sent events: an event ends at a blank line ({@code \n\n} or {@code \r\n\r\n}),
 * wherever the network split it. Bytes are kept exactly, terminators included, so the events concatenated are the
 * stream. Not thread-safe; one framer per stream, fed in order.
 *
 * <p>An event still open past {@code maxEventBytes} fails the stream with {@link UpstreamTooLargeException}: the
 * framer is the one place a stream is held, so it is where a peer that never sends a blank line is stopped.
 */
final class SseFramer {

    private final int maxEventBytes;
    private byte[] pending = new byte[512];
    private int size;
    private int scanned;
    private int lineLength;

    SseFramer(int maxEventBytes) {
        this.maxEventBytes = maxEventBytes;
    }

    /** The events completed by this chunk, in order; usually zero or one. */
    List<byte[]> feed(byte[] chunk) {
        append(chunk);
        List<byte[]> events = List.of();
        int eventStart = 0;
        for (int i = scanned; i < size; i++) {
            byte b = pending[i];
            if (b == '\n') {
                if (lineLength == 0) {
                    if (events.isEmpty()) {
                        events = new ArrayList<>(2);
                    }
                    events.add(Arrays.copyOfRange(pending, eventStart, i + 1));
                    eventStart = i + 1;
                }
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
        }
        compact(eventStart);
        if (size > maxEventBytes) {
            throw new UpstreamTooLargeException(maxEventBytes);
        }
        return events;
    }

    /** Bytes after the last complete event, when the stream ended without a blank line; else {@code null}. */
    byte[] rest() {
        return size == 0 ? null : Arrays.copyOf(pending, size);
    }

    private void append(byte[] chunk) {
        if (size + chunk.length > pending.length) {
            // Doubling stops at the limit (plus this chunk), so an oversized event costs no more than that.
            int wanted = Math.max(Math.min(pending.length * 2, maxEventBytes), size + chunk.length);
            pending = Arrays.copyOf(pending, wanted);
        }
        System.arraycopy(chunk, 0, pending, size, chunk.length);
        size += chunk.length;
    }

    private void compact(int consumed) {
        if (consumed > 0) {
            System.arraycopy(pending, consumed, pending, 0, size - consumed);
            size -= consumed;
        }
        scanned = size;
    }
}
