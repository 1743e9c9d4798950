package dev.budgetguard.ingest.proxy.anthropic;

import dev.budgetguard.ingest.proxy.ReportedUsage;
import dev.budgetguard.ingest.proxy.wire.RootMember;
import dev.budgetguard.ingest.proxy.wire.UsageObjects;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** The usage of a whole (non-streamed) Messages answer: its root {@code usage} object, normalized. */
public final class AnthropicUsage {

    static final RootMember USAGE = RootMember.named("usage");

    private AnthropicUsage() {}

    /** Usage of the body in {@code [from, to)}, or {@code null} when it reports none (or none believable). */
    public static ReportedUsage ofBody(byte[] b, int from, int to, Runnable onImplausible) {
        AnthropicUsageFields fields = fieldsAt(b, USAGE.valueIn(b, from, to), to, onImplausible);
        return fields == null ? null : fields.normalized();
    }

    /** The usage object whose value starts at {@code at}, or {@code null}. */
    static AnthropicUsageFields fieldsAt(byte[] b, int at, int to, Runnable onImplausible) {
        if (at < 0 || b[at] != '{') {
            return null;
        }
        return UsageObjects.read(b, at, to, AnthropicUsage::object, onImplausible);
    }

    private static AnthropicUsageFields object(JsonParser p) {
        return p.nextToken() == JsonToken.START_OBJECT ? AnthropicUsageFields.readMembers(p) : null;
    }
}
