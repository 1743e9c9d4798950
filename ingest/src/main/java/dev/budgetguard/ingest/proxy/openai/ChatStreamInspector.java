package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.proxy.MeteredCall;
import dev.budgetguard.ingest.proxy.MeteredRequest;
import dev.budgetguard.ingest.proxy.StreamInspector;
import dev.budgetguard.schemas.usage.ServiceTier;
import dev.budgetguard.schemas.usage.TokenUsage;
import java.nio.charset.StandardCharsets;

/**
 * Takes usage (and the service tier) from the chat completion or completion chunk that carries it: with
 * {@code stream_options.include_usage}, one extra chunk with {@code "choices":[]} just before {@code [DONE]}.
 *
 * <p>When the proxy asked for usage on the client's behalf, the client must see the stream it would have got
 * directly: the usage-only chunk ({@code "choices":[]}) is dropped and the {@code "usage":null} that the request
 * option adds to every other chunk is cut out again.
 */
final class ChatStreamInspector implements StreamInspector {

    private static final byte[] CHOICES_KEY = "\"choices\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private final MeteredCall call;
    private final boolean usageInjected;
    private final MeteredRequest request;

    ChatStreamInspector(MeteredCall call, boolean usageInjected) {
        this(call, usageInjected, null);
    }

    /**
     * @param request the call's request, whose {@code service_tier} is recorded when the usage chunk names none;
     *     {@code null} to record only what chunks name
     */
    ChatStreamInspector(MeteredCall call, boolean usageInjected, MeteredRequest request) {
        this.call = call;
        this.usageInjected = usageInjected;
        this.request = request;
    }

    /** The event as the client gets it, or {@code null} to drop it. */
    @Override
    public byte[] inspect(byte[] event) {
        int key = UsageParser.lastKey(event, 0, event.length);
        if (key < 0) {
            return event;
        }
        int value = UsageParser.valueStart(event, key, event.length);
        if (event[value] == '{') {
            TokenUsage usage = UsageParser.parseObject(event, value, event.length, call::implausibleUsage);
            if (usage != null) {
                call.usage(usage);
                String tier = OpenAiUsage.tierOf(event, 0, event.length);
                call.serviceTier(
                        request == null ? ServiceTier.reported(tier, false) : OpenAiEndpoint.tier(tier, request));
            }
            return usageInjected && hasEmptyChoices(event) ? null : event;
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

    /**
     * Whether the event says {@code "choices": []}, however the upstream spaced it: OpenAI writes compact JSON, but
     * OpenAI-compatible servers in front of other models often pretty-print.
     */
    static boolean hasEmptyChoices(byte[] event) {
        for (int at = indexOf(event, CHOICES_KEY, 0); at >= 0; at = indexOf(event, CHOICES_KEY, at + 1)) {
            int i = skipSpace(event, at + CHOICES_KEY.length);
            if (i < event.length && event[i] == ':') {
                i = skipSpace(event, i + 1);
                if (i < event.length && event[i] == '[') {
                    i = skipSpace(event, i + 1);
                    if (i < event.length && event[i] == ']') {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int skipSpace(byte[] b, int from) {
        int i = from;
        while (i < b.length && (isSpace(b[i]) || b[i] == '\n' || b[i] == '\r')) {
            i++;
        }
        return i;
    }

    private static int indexOf(byte[] b, byte[] needle, int from) {
        outer:
        for (int i = from; i <= b.length - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (b[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
