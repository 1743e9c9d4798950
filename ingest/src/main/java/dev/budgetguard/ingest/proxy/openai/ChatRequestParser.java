package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.proxy.ErrorAnswer;
import dev.budgetguard.ingest.proxy.MeteredRequest;
import dev.budgetguard.ingest.proxy.wire.StrictJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the top-level fields metering needs from a chat completion body with a streaming parser, and what its prompt
 * is made of ({@link ChatPromptReader}): everything else is skipped without being materialized.
 *
 * <p>What is metered must be what upstream acts on, so anything two JSON readers could read differently is refused:
 * a repeated key (which one wins is the reader's choice), a body not in UTF-8 (the splice edits UTF-8 bytes), and a
 * {@code stream} flag that is not a boolean. Output bounds above {@link MeteredRequest#MAX_OUTPUT_TOKENS} and more
 * than {@link #MAX_CHOICES} choices are refused too, naming the field: no model accepts them, and the worst case of a
 * request must stay an exact number.
 */
final class ChatRequestParser {

    /** Longest model id accepted; real ids are a few dozen characters, and it ends up in every record. */
    static final int MAX_MODEL_LENGTH = 256;

    /** More choices than OpenAI allows ({@code n} <= 128) is refused; the bound keeps the product exact. */
    static final long MAX_CHOICES = MeteredRequest.MAX_CHOICES;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ChatRequestParser() {}

    /** @throws InvalidChatRequestException for malformed JSON or a missing, non-string or implausible {@code model} */
    static ChatRequest parse(byte[] body) {
        if (!looksLikeUtf8Json(body)) {
            throw new InvalidChatRequestException(ErrorAnswer.INVALID_JSON);
        }
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), body)) {
            return read(p, body);
        } catch (JacksonException e) {
            throw new InvalidChatRequestException(ErrorAnswer.INVALID_JSON);
        }
    }

    private static ChatRequest read(JsonParser p, byte[] body) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new InvalidChatRequestException(ErrorAnswer.INVALID_JSON);
        }
        String model = null;
        boolean stream = false;
        Long maxTokens = null;
        Long maxCompletionTokens = null;
        Long choices = null;
        ChatPromptReader prompt = new ChatPromptReader();
        StreamUsageRequest usage =
                StreamUsageRequest.absent((int) p.currentTokenLocation().getByteOffset());
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "model" -> model = value == JsonToken.VALUE_STRING ? p.getString() : skip(p);
                case "stream" -> stream = bool(value, ErrorAnswer.INVALID_STREAM);
                case "max_tokens" -> maxTokens = outputBound(p, value, name);
                case "max_completion_tokens" -> maxCompletionTokens = outputBound(p, value, name);
                case "n" -> choices = StrictJson.countOrNull(p, value, name, MAX_CHOICES);
                case "messages" -> prompt.messages(p, value);
                case "tools", "functions", "response_format", "prediction" -> prompt.bounded(p);
                case "stream_options" -> usage = StreamUsageRequest.read(p, value);
                default -> p.skipChildren();
            }
        }
        if (p.nextToken() != null) {
            throw new InvalidChatRequestException(ErrorAnswer.INVALID_JSON);
        }
        if (model == null || model.isBlank()) {
            throw new InvalidChatRequestException(ErrorAnswer.MISSING_MODEL);
        }
        if (!isPlausibleModel(model)) {
            throw new InvalidChatRequestException(ErrorAnswer.INVALID_MODEL);
        }
        boolean inject = stream && !usage.asked() && usage.splice() != null;
        byte[] forward = inject ? usage.splice().applyTo(body) : body;
        long n = choices == null ? 1 : Math.max(choices, 1);
        return new ChatRequest(model, stream, maxTokens, maxCompletionTokens, n, prompt.size(), forward, inject);
    }

    /**
     * Whether the body is in UTF-8 as far as Jackson's encoding detection goes: it would read a byte-order mark, or
     * a zero byte among the first four, as UTF-16 or UTF-32, whose offsets the byte splice cannot use.
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

    /** At most {@link #MAX_MODEL_LENGTH} visible characters: no controls, spaces, quotes, backslashes or invisibles. */
    private static boolean isPlausibleModel(String model) {
        if (model.length() > MAX_MODEL_LENGTH) {
            return false;
        }
        return model.codePoints().allMatch(ChatRequestParser::isVisible);
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

    private static boolean bool(JsonToken value, ErrorAnswer otherwise) {
        return switch (value) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE, VALUE_NULL -> false;
            default -> throw new InvalidChatRequestException(otherwise);
        };
    }

    private static String skip(JsonParser p) {
        p.skipChildren();
        return null;
    }

    private static Long outputBound(JsonParser p, JsonToken value, String field) {
        return StrictJson.countOrNull(p, value, field, MeteredRequest.MAX_OUTPUT_TOKENS);
    }
}
