package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.proxy.ErrorAnswer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the top-level fields metering needs from a chat completion body with a streaming parser: everything else
 * (messages, tools) is skipped without being materialized.
 */
final class ChatRequestParser {

    private static final JsonFactory JSON = new JsonFactory();

    private ChatRequestParser() {}

    /** @throws InvalidChatRequestException for malformed JSON or a missing or non-string {@code model} */
    static ChatRequest parse(byte[] body) {
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
        StreamUsageRequest usage =
                StreamUsageRequest.absent((int) p.currentTokenLocation().getByteOffset());
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "model" -> model = value == JsonToken.VALUE_STRING ? p.getString() : skip(p);
                case "stream" -> stream = value == JsonToken.VALUE_TRUE;
                case "max_tokens" -> maxTokens = longOrNull(p, value);
                case "max_completion_tokens" -> maxCompletionTokens = longOrNull(p, value);
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
        boolean inject = stream && !usage.asked() && usage.splice() != null;
        byte[] forward = inject ? usage.splice().applyTo(body) : body;
        return new ChatRequest(model, stream, maxTokens, maxCompletionTokens, forward, inject);
    }

    private static String skip(JsonParser p) {
        p.skipChildren();
        return null;
    }

    private static Long longOrNull(JsonParser p, JsonToken value) {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        p.skipChildren();
        return null;
    }
}
