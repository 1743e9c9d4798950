package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.proxy.ErrorAnswer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Whether a request already asks for stream usage ({@code stream_options.include_usage: true}) and, if not, the
 * smallest edit of its bytes that does: inserting {@code stream_options} after the opening brace when absent,
 * otherwise setting or adding {@code include_usage} inside it. Everything else in the body stays byte for byte.
 *
 * @param asked the client asked for usage itself
 * @param splice the edit that asks for it, or {@code null} when none is needed or none is safe
 */
record StreamUsageRequest(boolean asked, Splice splice) {

    private static final String INCLUDE = "\"include_usage\":true";

    /** For a request without {@code stream_options}; {@code rootStart} is the offset of its opening brace. */
    static StreamUsageRequest absent(int rootStart) {
        return new StreamUsageRequest(false, Splice.insert(rootStart + 1, "\"stream_options\":{" + INCLUDE + "},"));
    }

    /** Reads the {@code stream_options} value the parser is positioned on, leaving it after that value. */
    static StreamUsageRequest read(JsonParser p, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return new StreamUsageRequest(false, Splice.replace(offset(p), 4, "{" + INCLUDE + "}"));
        }
        if (value != JsonToken.START_OBJECT) {
            // Not an object: upstream will refuse it, so forward it untouched rather than guess.
            p.skipChildren();
            return new StreamUsageRequest(false, null);
        }
        int objectStart = offset(p);
        int members = 0;
        StreamUsageRequest found = null;
        while (p.nextName() != null) {
            boolean include = "include_usage".equals(p.currentName());
            JsonToken member = p.nextToken();
            members++;
            if (include) {
                found = includeUsage(p, member);
            } else {
                p.skipChildren();
            }
        }
        if (found != null) {
            return found;
        }
        String inserted = members == 0 ? INCLUDE : INCLUDE + ",";
        return new StreamUsageRequest(false, Splice.insert(objectStart + 1, inserted));
    }

    private static StreamUsageRequest includeUsage(JsonParser p, JsonToken member) {
        return switch (member) {
            case VALUE_TRUE -> new StreamUsageRequest(true, null);
            case VALUE_FALSE -> new StreamUsageRequest(false, Splice.replace(offset(p), 5, "true"));
            case VALUE_NULL -> new StreamUsageRequest(false, Splice.replace(offset(p), 4, "true"));
            default -> throw new InvalidChatRequestException(ErrorAnswer.INVALID_INCLUDE_USAGE);
        };
    }

    private static int offset(JsonParser p) {
        return (int) p.currentTokenLocation().getByteOffset();
    }
}
