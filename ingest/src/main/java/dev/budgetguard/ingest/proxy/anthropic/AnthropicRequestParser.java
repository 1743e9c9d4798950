package dev.budgetguard.ingest.proxy.anthropic;

import dev.budgetguard.ingest.proxy.wire.InvalidRequestException;
import dev.budgetguard.ingest.proxy.wire.MeteredBody;
import dev.budgetguard.ingest.proxy.wire.RequestProblem;
import dev.budgetguard.ingest.proxy.wire.StrictJson;
import dev.budgetguard.ingest.proxy.wire.TokenCounts;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads {@code model}, {@code stream} and {@code max_tokens} from a Messages request with a streaming parser, strictly
 * as {@link StrictJson} says; messages, system prompt and tools are skipped unread. The body is forwarded as sent:
 * Anthropic streams always carry usage.
 */
public final class AnthropicRequestParser {

    private AnthropicRequestParser() {}

    /** @throws InvalidRequestException for malformed JSON, a missing or implausible model, or a non-boolean stream */
    public static MeteredBody parse(byte[] body) {
        try (JsonParser p = StrictJson.rootObject(body)) {
            String model = null;
            boolean stream = false;
            Long maxTokens = null;
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken value = p.nextToken();
                switch (name) {
                    case "model" -> model = TokenCounts.text(p, value);
                    case "stream" -> stream = StrictJson.bool(value, RequestProblem.INVALID_STREAM);
                    case "max_tokens" -> maxTokens = StrictJson.longOrNull(p, value);
                    default -> p.skipChildren();
                }
            }
            StrictJson.requireEnd(p);
            return new MeteredBody(StrictJson.requireModel(model), stream, maxTokens, body, false, null);
        } catch (JacksonException e) {
            throw new InvalidRequestException(RequestProblem.INVALID_JSON);
        }
    }
}
