package dev.budgetguard.ingest.proxy.wire;

import dev.budgetguard.ingest.proxy.ErrorAnswer;
import dev.budgetguard.ingest.proxy.InvalidProxyRequestException;
import dev.budgetguard.ingest.proxy.ProxyError;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The strict reading every metered route applies to a request body. What is metered must be what upstream acts on, so
 * anything two JSON readers could read differently is refused: a repeated key (which one wins is the reader's
 * choice), a body not in UTF-8 (byte splices edit UTF-8), and a model id that is not a short run of visible
 * characters (it ends up in every record).
 */
public final class StrictJson {

    /** Longest model id accepted; real ids are a few dozen characters. */
    public static final int MAX_MODEL_LENGTH = 256;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StrictJson() {}

    /**
     * A parser over the body positioned on its root object's opening brace.
     *
     * @throws InvalidProxyRequestException with {@link ErrorAnswer#INVALID_JSON} when the body is not UTF-8 or not an
     *     object
     */
    public static JsonParser rootObject(byte[] body) {
        if (!looksLikeUtf8Json(body)) {
            throw new InvalidProxyRequestException(ErrorAnswer.INVALID_JSON);
        }
        JsonParser p = JSON.createParser(ObjectReadContext.empty(), body);
        if (p.nextToken() != JsonToken.START_OBJECT) {
            p.close();
            throw new InvalidProxyRequestException(ErrorAnswer.INVALID_JSON);
        }
        return p;
    }

    /** After the root object's last member: nothing but whitespace may follow it. */
    public static void requireEnd(JsonParser p) {
        if (p.nextToken() != null) {
            throw new InvalidProxyRequestException(ErrorAnswer.INVALID_JSON);
        }
    }

    /** The boolean the parser is on ({@code null} reads as false); anything else is {@code otherwise}. */
    public static boolean bool(JsonToken value, ErrorAnswer otherwise) {
        return switch (value) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE, VALUE_NULL -> false;
            default -> throw new InvalidProxyRequestException(otherwise);
        };
    }

    /** The integer the parser is on, or {@code null} (value skipped) when it is anything else. */
    public static Long longOrNull(JsonParser p, JsonToken value) {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        p.skipChildren();
        return null;
    }

    /**
     * A count the request sets ({@code max_tokens}, {@code n}): the integer the parser is on, or {@code null} (value
     * skipped) when it is anything else.
     *
     * @param field the field's name as the client wrote it, for the answer
     * @throws InvalidProxyRequestException 400 naming {@code field} when the integer is above {@code max} (or beyond
     *     a long), which no provider accepts and which would overflow the worst-case product
     */
    public static Long countOrNull(JsonParser p, JsonToken value, String field, long max) {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            p.skipChildren();
            return null;
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER || p.getLongValue() > max) {
            throw new InvalidProxyRequestException(tooLarge(field, max));
        }
        return p.getLongValue();
    }

    /** 400 {@code invalid_value} for a count above what the proxy accepts, naming the field. */
    public static ProxyError tooLarge(String field, long max) {
        return new ProxyError(
                400,
                "invalid_request_error",
                field,
                "invalid_value",
                "The " + field + " parameter must be at most " + max + ".");
    }

    /** The string the parser is on, or {@code null} (value skipped) when it is anything else. */
    public static String stringOrNull(JsonParser p, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return p.getString();
        }
        p.skipChildren();
        return null;
    }

    /** A model the proxy meters: present, and a plausible id. */
    public static String requireModel(String model) {
        if (model == null || model.isBlank()) {
            throw new InvalidProxyRequestException(ErrorAnswer.MISSING_MODEL);
        }
        if (!isPlausibleModel(model)) {
            throw new InvalidProxyRequestException(ErrorAnswer.INVALID_MODEL);
        }
        return model;
    }

    /** At most {@link #MAX_MODEL_LENGTH} visible characters: no controls, spaces, quotes, backslashes or invisibles. */
    public static boolean isPlausibleModel(String model) {
        return model.length() <= MAX_MODEL_LENGTH && model.codePoints().allMatch(StrictJson::isVisible);
    }

    /**
     * Whether the body is in UTF-8 as far as Jackson's encoding detection goes: it would read a byte-order mark, or a
     * zero byte among the first four, as UTF-16 or UTF-32.
     */
    private static boolean looksLikeUtf8Json(byte[] body) {
        if (body.length > 0) {
            int first = body[0] & 0xFF;
            if (first == 0xEF || first == 0xFE || first == 0xFF) {
                return false;
            }
        }
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisible(int c) {
        if (c == '"' || c == '\'' || c == '\\' || c == '`' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.UNASSIGNED,
                    Character.PRIVATE_USE,
                    Character.SURROGATE,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
