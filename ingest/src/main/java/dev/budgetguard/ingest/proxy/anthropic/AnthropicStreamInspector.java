package dev.budgetguard.ingest.proxy.anthropic;

import dev.budgetguard.ingest.proxy.ReportedUsage;
import dev.budgetguard.ingest.proxy.StreamInspector;
import dev.budgetguard.ingest.proxy.UsageSink;
import dev.budgetguard.ingest.proxy.wire.RootMember;
import dev.budgetguard.ingest.proxy.wire.SseEvents;

/**
 * A Messages stream: every event passes unchanged. {@code message_start} carries the input side in
 * {@code message.usage} (with a token or two of output so far); each {@code message_delta} carries a cumulative
 * {@code usage}, output and possibly updated input fields. The call's usage is {@code message_start}'s updated by the
 * last delta, never the deltas added up, and it is reported only once a delta came: a stream cut before one has no
 * usage. Only those two events are parsed.
 */
public final class AnthropicStreamInspector implements StreamInspector {

    private static final RootMember MESSAGE = RootMember.named("message");

    private final UsageSink sink;
    private AnthropicUsageFields sofar = AnthropicUsageFields.NONE;

    public AnthropicStreamInspector(UsageSink sink) {
        this.sink = sink;
    }

    @Override
    public byte[] inspect(byte[] event) {
        if (SseEvents.named(event, "message_start")) {
            int message = MESSAGE.valueIn(event, 0, event.length);
            if (message >= 0 && event[message] == '{') {
                int end = event.length;
                AnthropicUsageFields start =
                        AnthropicUsage.fieldsAt(event, usageInside(event, message, end), end, sink::implausible);
                if (start != null) {
                    sofar = start;
                }
            }
        } else if (SseEvents.named(event, "message_delta")) {
            AnthropicUsageFields delta = AnthropicUsage.fieldsAt(
                    event, AnthropicUsage.USAGE.valueIn(event, 0, event.length), event.length, sink::implausible);
            if (delta != null) {
                sofar = sofar.updatedBy(delta);
                ReportedUsage usage = sofar.normalized();
                if (usage != null) {
                    sink.reported(usage);
                }
            }
        }
        return event;
    }

    /**
     * Where {@code message.usage}'s value starts: the root-member scan applied to the message object's own bytes (up
     * to and including its closing brace), so a {@code usage} nested deeper never counts.
     */
    private static int usageInside(byte[] event, int messageStart, int end) {
        int close = closingBrace(event, messageStart, end);
        return close < 0 ? -1 : AnthropicUsage.USAGE.valueIn(event, messageStart, close + 1);
    }

    private static int closingBrace(byte[] b, int open, int end) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < end; i++) {
            byte c = b[i];
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
