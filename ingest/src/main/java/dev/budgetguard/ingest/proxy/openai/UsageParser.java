package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.schemas.usage.TokenUsage;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Finds and reads OpenAI's {@code usage} object without parsing the rest of a response.
 *
 * <p>The key is found by a backward byte scan: OpenAI writes {@code usage} after {@code choices}, and inside JSON
 * strings quotes are escaped, so a {@code "usage"} followed by a colon is a key. Only a key of the root object counts
 * (checked on the short tail after it), so a nested {@code usage} member can never stand in for the real one. Only
 * that object goes through the streaming parser.
 */
final class UsageParser {

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] KEY = {'"', 'u', 's', 'a', 'g', 'e', '"'};

    /**
     * Largest token count of one field believed. The biggest context windows are a few million tokens; a count past
     * this is a broken or hostile upstream, and priced it would overflow the lake's DECIMAL(18,12) cost column.
     */
    static final long MAX_PLAUSIBLE_TOKENS = 100_000_000L;

    private static final Runnable IGNORE = () -> {};

    private UsageParser() {}

    /** Usage of a whole (non-stream) response body, or {@code null} when it has none. */
    static TokenUsage fromBody(byte[] body, int from, int to) {
        return fromBody(body, from, to, IGNORE);
    }

    /** As {@link #fromBody(byte[], int, int)}; {@code onImplausible} runs when counts are discarded as implausible. */
    static TokenUsage fromBody(byte[] body, int from, int to, Runnable onImplausible) {
        int key = lastKey(body, from, to);
        if (key < 0) {
            return null;
        }
        int value = valueStart(body, key, to);
        return value >= 0 && body[value] == '{' ? parseObject(body, value, to, onImplausible) : null;
    }

    /** Offset of the last {@code "usage"} key of the root object in {@code [from, to)}, or -1. */
    static int lastKey(byte[] b, int from, int to) {
        for (int i = to - KEY.length; i >= from; i--) {
            if (b[i] == '"' && matchesKey(b, i) && valueStart(b, i, to) >= 0 && isRootMember(b, i, to)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the key at {@code key} sits directly in the root object: the tail after it closes exactly one more
     * container than it opens, and that last close ends the JSON (only whitespace follows).
     */
    private static boolean isRootMember(byte[] b, int key, int to) {
        int depth = 0;
        boolean inString = false;
        for (int i = key; i < to; i++) {
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
            } else if (c == '}' || c == ']') {
                if (--depth < 0) {
                    return skipSpace(b, i + 1, to) == to;
                }
            }
        }
        return false;
    }

    /** Offset of the first byte of the key's value (after the colon), or -1 when the key has no colon after it. */
    static int valueStart(byte[] b, int key, int to) {
        int i = skipSpace(b, key + KEY.length, to);
        if (i >= to || b[i] != ':') {
            return -1;
        }
        i = skipSpace(b, i + 1, to);
        return i < to ? i : -1;
    }

    /** Reads the usage object starting at {@code at}; {@code null} when it lacks the required counts or is invalid. */
    static TokenUsage parseObject(byte[] b, int at, int to) {
        return parseObject(b, at, to, IGNORE);
    }

    /** As {@link #parseObject(byte[], int, int)}; {@code onImplausible} runs when counts are over the cap. */
    static TokenUsage parseObject(byte[] b, int at, int to, Runnable onImplausible) {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), b, at, to - at)) {
            return read(p);
        } catch (ImplausibleUsageException e) {
            onImplausible.run();
            return null;
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    private static TokenUsage read(JsonParser p) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        long prompt = -1;
        long completion = -1;
        long cached = 0;
        long reasoning = 0;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "prompt_tokens" -> prompt = count(p, value);
                case "completion_tokens" -> completion = count(p, value);
                case "prompt_tokens_details" -> cached = detail(p, value, "cached_tokens");
                case "completion_tokens_details" -> reasoning = detail(p, value, "reasoning_tokens");
                default -> p.skipChildren();
            }
        }
        if (prompt < 0 || completion < 0) {
            return null;
        }
        return new TokenUsage(prompt, cached, 0, 0, completion, reasoning);
    }

    private static long detail(JsonParser p, JsonToken value, String field) {
        long found = 0;
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return found;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken member = p.nextToken();
            if (field.equals(name)) {
                found = Math.max(0, count(p, member));
            } else {
                p.skipChildren();
            }
        }
        return found;
    }

    private static long count(JsonParser p, JsonToken value) {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            p.skipChildren();
            return -1;
        }
        if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG
                || p.getLongValue() > MAX_PLAUSIBLE_TOKENS) {
            throw new ImplausibleUsageException();
        }
        return p.getLongValue();
    }

    /** Counts past {@link #MAX_PLAUSIBLE_TOKENS}: unwinds the read, which then reports no usage. */
    private static final class ImplausibleUsageException extends RuntimeException {
        ImplausibleUsageException() {
            super(null, null, false, false);
        }
    }

    private static boolean matchesKey(byte[] b, int at) {
        for (int k = 1; k < KEY.length; k++) {
            if (b[at + k] != KEY[k]) {
                return false;
            }
        }
        return true;
    }

    private static int skipSpace(byte[] b, int i, int to) {
        while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
            i++;
        }
        return i;
    }
}
