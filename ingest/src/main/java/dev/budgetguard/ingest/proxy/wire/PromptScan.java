package dev.budgetguard.ingest.proxy.wire;

import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Walks prompt content (messages, contents, input items) while a request parser passes over it, and notes what the
 * byte bound of the body cannot cover: non-text parts (an image or document costs tokens its bytes do not show) and
 * input the collector cannot see at all (a file referenced by id or URL). Structural only: it reads member names and
 * {@code type} strings, never user text. Not thread-safe; one per parse.
 *
 * @see Rules
 */
public final class PromptScan {

    /**
     * What a provider's content looks like.
     *
     * @param nonTextTypes {@code type} values of parts that are not text ({@code image}, {@code input_file})
     * @param unseenTypes {@code type} values of parts that stand for stored input ({@code item_reference})
     * @param unseenMembers member names whose non-null value points at input elsewhere ({@code file_id},
     *     {@code fileData})
     * @param unseenSources {@code source.type} values of a non-text part that point at input elsewhere ({@code url},
     *     {@code file})
     */
    public record Rules(
            Set<String> nonTextTypes, Set<String> unseenTypes, Set<String> unseenMembers, Set<String> unseenSources) {

        public Rules {
            nonTextTypes = Set.copyOf(nonTextTypes);
            unseenTypes = Set.copyOf(unseenTypes);
            unseenMembers = Set.copyOf(unseenMembers);
            unseenSources = Set.copyOf(unseenSources);
        }
    }

    private final Rules rules;
    private int nonTextParts;
    private boolean unseenInput;

    public PromptScan(Rules rules) {
        this.rules = rules;
    }

    /** Walks the value the parser is positioned on, leaving it after that value. */
    public void value(JsonParser p, JsonToken value) {
        if (value == JsonToken.START_OBJECT) {
            object(p);
        } else if (value == JsonToken.START_ARRAY) {
            JsonToken item;
            while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                value(p, item);
            }
        }
    }

    /** Notes input the collector cannot see, found by the caller (a root member such as a stored response id). */
    public void unseen() {
        unseenInput = true;
    }

    public int nonTextParts() {
        return nonTextParts;
    }

    public boolean unseenInput() {
        return unseenInput;
    }

    /** Walks an object whose opening brace the parser is on; returns its {@code type} string, or {@code null}. */
    private String object(JsonParser p) {
        String type = null;
        String sourceType = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken member = p.nextToken();
            if ("type".equals(name) && member == JsonToken.VALUE_STRING) {
                type = p.getString();
                continue;
            }
            if (member != JsonToken.VALUE_NULL && rules.unseenMembers().contains(name)) {
                unseenInput = true;
            }
            if ("source".equals(name) && member == JsonToken.START_OBJECT) {
                sourceType = object(p);
            } else {
                value(p, member);
            }
        }
        if (type != null && rules.nonTextTypes().contains(type)) {
            nonTextParts++;
            if (sourceType != null && rules.unseenSources().contains(sourceType)) {
                unseenInput = true;
            }
        }
        if (type != null && rules.unseenTypes().contains(type)) {
            unseenInput = true;
        }
        return type;
    }
}
