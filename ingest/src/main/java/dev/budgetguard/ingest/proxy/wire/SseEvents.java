package dev.budgetguard.ingest.proxy.wire;

import java.nio.charset.StandardCharsets;

/** Reads the {@code event:} field of one framed server-sent event without copying the rest. */
public final class SseEvents {

    private static final byte[] EVENT = "event:".getBytes(StandardCharsets.US_ASCII);

    private SseEvents() {}

    /**
     * Whether the event's {@code event:} field is exactly {@code name}. Providers write that field first, so only the
     * lines before the first {@code data:} line are looked at.
     */
    public static boolean named(byte[] event, String name) {
        int line = 0;
        while (line < event.length) {
            int end = lineEnd(event, line);
            if (startsWith(event, line, EVENT)) {
                int from = line + EVENT.length;
                if (from < end && event[from] == ' ') {
                    from++;
                }
                return equalsAscii(event, from, end, name);
            }
            if (end == line || event[line] == 'd') {
                return false;
            }
            line = next(event, end);
        }
        return false;
    }

    /** End of the line starting at {@code from}, before its {@code \r\n} or {@code \n}. */
    private static int lineEnd(byte[] b, int from) {
        int i = from;
        while (i < b.length && b[i] != '\n') {
            i++;
        }
        return i > from && b[i - 1] == '\r' ? i - 1 : i;
    }

    private static int next(byte[] b, int end) {
        int i = end;
        if (i < b.length && b[i] == '\r') {
            i++;
        }
        return i + 1;
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (at + prefix.length > b.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (b[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalsAscii(byte[] b, int from, int to, String text) {
        if (to - from != text.length()) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            if (b[from + k] != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
