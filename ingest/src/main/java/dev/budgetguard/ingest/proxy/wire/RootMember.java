package dev.budgetguard.ingest.proxy.wire;

import java.nio.charset.StandardCharsets;

/**
 * Finds a member of a JSON document's root object without parsing the rest, by a backward byte scan: providers write
 * usage after the content, and inside JSON strings quotes are escaped, so a quoted name followed by a colon is a key.
 * Only a key of the root object counts (checked on the tail after it), so a nested member of the same name can never
 * stand in for the real one.
 */
public final class RootMember {

    private final byte[] key;

    private RootMember(String name) {
        this.key = ('"' + name + '"').getBytes(StandardCharsets.US_ASCII);
    }

    /** A finder for {@code name}, which must be plain ASCII without quotes or backslashes. */
    public static RootMember named(String name) {
        return new RootMember(name);
    }

    /** Offset of the first byte of the member's value in {@code [from, to)}, or -1 when the root has no such member. */
    public int valueIn(byte[] b, int from, int to) {
        for (int i = to - key.length; i >= from; i--) {
            if (b[i] == '"' && matchesKey(b, i)) {
                int value = valueStart(b, i, to);
                if (value >= 0 && isRootMember(b, i, to)) {
                    return value;
                }
            }
        }
        return -1;
    }

    /** Offset of the member's key (its opening quote), or -1. */
    public int keyIn(byte[] b, int from, int to) {
        for (int i = to - key.length; i >= from; i--) {
            if (b[i] == '"' && matchesKey(b, i) && valueStart(b, i, to) >= 0 && isRootMember(b, i, to)) {
                return i;
            }
        }
        return -1;
    }

    /** Offset of the first byte of the value after the key at {@code at}, or -1 when no colon and value follow. */
    public int valueStart(byte[] b, int at, int to) {
        int i = skipSpace(b, at + key.length, to);
        if (i >= to || b[i] != ':') {
            return -1;
        }
        i = skipSpace(b, i + 1, to);
        return i < to ? i : -1;
    }

    /**
     * Whether the key at {@code at} sits directly in the root object: the tail after it closes exactly one more
     * container than it opens, and that last close ends the JSON (only whitespace follows).
     */
    private static boolean isRootMember(byte[] b, int at, int to) {
        int depth = 0;
        boolean inString = false;
        for (int i = at; i < to; i++) {
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

    private boolean matchesKey(byte[] b, int at) {
        for (int k = 1; k < key.length; k++) {
            if (b[at + k] != key[k]) {
                return false;
            }
        }
        return true;
    }

    static int skipSpace(byte[] b, int i, int to) {
        while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
            i++;
        }
        return i;
    }
}
