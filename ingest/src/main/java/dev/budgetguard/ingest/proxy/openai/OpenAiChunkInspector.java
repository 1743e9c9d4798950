package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.proxy.MeteredRequest;
import dev.budgetguard.ingest.proxy.ReportedUsage;
import dev.budgetguard.ingest.proxy.StreamInspector;
import dev.budgetguard.ingest.proxy.UsageSink;
import dev.budgetguard.ingest.proxy.wire.RootMember;
import dev.budgetguard.ingest.proxy.wire.UsageObjects;
import dev.budgetguard.schemas.usage.TokenUsage;

/**
 * The stream of chat completions and completions: usage comes in the one chunk that carries a {@code usage} object
 * (with {@code "choices":[]}), sent only when the request set {@code stream_options.include_usage}. When the proxy set
 * it on the client's behalf, the client must see the stream it would have got directly: the usage-only chunk is
 * dropped and the {@code "usage":null} that the option adds to every other chunk is cut out again.
 */
final class OpenAiChunkInspector implements StreamInspector {

    private static final RootMember USAGE = RootMember.named("usage");
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private final OpenAiRoute route;
    private final MeteredRequest request;
    private final boolean usageInjected;
    private final UsageSink sink;

    OpenAiChunkInspector(OpenAiRoute route, MeteredRequest request, UsageSink sink) {
        this.route = route;
        this.request = request;
        this.usageInjected = request.usageInjected();
        this.sink = sink;
    }

    @Override
    public byte[] inspect(byte[] event) {
        int key = USAGE.keyIn(event, 0, event.length);
        if (key < 0) {
            return event;
        }
        int value = USAGE.valueStart(event, key, event.length);
        if (event[value] == '{') {
            TokenUsage tokens =
                    UsageObjects.read(event, value, event.length, p -> OpenAiUsage.read(p, route), sink::implausible);
            if (tokens != null) {
                sink.reported(new ReportedUsage(
                        tokens, OpenAiEndpoint.tier(OpenAiUsage.tierOf(event, 0, event.length), request)));
            }
            return usageInjected && ChatStreamInspector.hasEmptyChoices(event) ? null : event;
        }
        if (usageInjected && regionEquals(event, value, NULL)) {
            return cut(event, key, value + NULL.length);
        }
        return event;
    }

    /** The event without the member {@code [key, end)} and the comma that separated it from its neighbour. */
    private static byte[] cut(byte[] event, int key, int end) {
        int before = key - 1;
        while (before >= 0 && isSpace(event[before])) {
            before--;
        }
        int from = key;
        int to = end;
        if (before >= 0 && event[before] == ',') {
            from = before;
        } else {
            int after = end;
            while (after < event.length && isSpace(event[after])) {
                after++;
            }
            if (after < event.length && event[after] == ',') {
                to = after + 1;
            }
        }
        byte[] out = new byte[event.length - (to - from)];
        System.arraycopy(event, 0, out, 0, from);
        System.arraycopy(event, to, out, from, event.length - to);
        return out;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static boolean regionEquals(byte[] b, int at, byte[] expected) {
        if (at + expected.length > b.length) {
            return false;
        }
        for (int k = 0; k < expected.length; k++) {
            if (b[at + k] != expected[k]) {
                return false;
            }
        }
        return true;
    }
}
