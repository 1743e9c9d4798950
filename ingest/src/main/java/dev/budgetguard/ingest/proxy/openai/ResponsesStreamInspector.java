package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.proxy.MeteredRequest;
import dev.budgetguard.ingest.proxy.ReportedUsage;
import dev.budgetguard.ingest.proxy.StreamInspector;
import dev.budgetguard.ingest.proxy.UsageSink;
import dev.budgetguard.ingest.proxy.wire.RootMember;
import dev.budgetguard.ingest.proxy.wire.StrictJson;
import dev.budgetguard.ingest.proxy.wire.UsageObjects;
import dev.budgetguard.schemas.usage.TokenUsage;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The Responses API stream: every event passes unchanged; usage is in the {@code response} object of the terminal
 * event ({@code response.completed}, or {@code response.incomplete} / {@code response.failed}, which are billed too),
 * sent without being asked for. Only terminal events are parsed.
 */
final class ResponsesStreamInspector implements StreamInspector {

    private static final RootMember RESPONSE = RootMember.named("response");
    private static final byte[][] TERMINAL_TYPES = {
        quoted("response.completed"), quoted("response.incomplete"), quoted("response.failed")
    };

    private final MeteredRequest request;
    private final UsageSink sink;

    ResponsesStreamInspector(MeteredRequest request, UsageSink sink) {
        this.request = request;
        this.sink = sink;
    }

    @Override
    public byte[] inspect(byte[] event) {
        if (!isTerminal(event)) {
            return event;
        }
        int at = RESPONSE.valueIn(event, 0, event.length);
        if (at >= 0 && event[at] == '{') {
            ReportedUsage usage = UsageObjects.read(event, at, event.length, this::readResponse, sink::implausible);
            if (usage != null) {
                sink.reported(usage);
            }
        }
        return event;
    }

    private ReportedUsage readResponse(JsonParser p) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        TokenUsage tokens = null;
        String tier = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken value = p.nextToken();
            if ("usage".equals(name) && value == JsonToken.START_OBJECT) {
                tokens = OpenAiUsage.readMembers(p, OpenAiRoute.RESPONSES);
            } else if ("service_tier".equals(name)) {
                tier = StrictJson.stringOrNull(p, value);
            } else {
                p.skipChildren();
            }
        }
        return tokens == null ? null : new ReportedUsage(tokens, OpenAiEndpoint.tier(tier, request));
    }

    /** Whether the event names a terminal type; quoted, so a type named inside escaped content never matches. */
    private static boolean isTerminal(byte[] event) {
        for (byte[] type : TERMINAL_TYPES) {
            if (indexOf(event, type) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static byte[] quoted(String type) {
        return ('"' + type + '"').getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] b, byte[] needle) {
        outer:
        for (int i = 0; i <= b.length - needle.length; i++) {
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
