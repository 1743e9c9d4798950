package dev.budgetguard.ingest.proxy.anthropic;

import dev.budgetguard.ingest.admission.PromptSize;
import dev.budgetguard.ingest.proxy.ErrorAnswer;
import dev.budgetguard.ingest.proxy.InvalidProxyRequestException;
import dev.budgetguard.ingest.proxy.MeteredRequest;
import dev.budgetguard.ingest.proxy.wire.PromptScan;
import dev.budgetguard.ingest.proxy.wire.StrictJson;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads {@code model}, {@code stream} and {@code max_tokens} from a Messages request with a streaming parser, strictly
 * as {@link StrictJson} says; tools are skipped unread. The body is forwarded as sent: Anthropic streams always carry
 * usage. There is no Claude tokenizer here, so the prompt is bounded by the body's size (one token per byte), plus the
 * non-text allowance of each {@code image} and {@code document} block of the messages and system prompt (tool results
 * included); a block whose source is a {@code url} or an uploaded {@code file} brings input the collector cannot see,
 * and the prompt bound is then the unseen-input allowance. A {@code max_tokens} above
 * {@link MeteredRequest#MAX_OUTPUT_TOKENS} is refused.
 */
final class AnthropicRequestParser {

    static final PromptScan.Rules CONTENT =
            new PromptScan.Rules(Set.of("image", "document"), Set.of(), Set.of(), Set.of("url", "file"));

    /** Appended to the configured base URL, which ends in {@code /v1}. */
    static final String UPSTREAM_PATH = "/messages";

    private AnthropicRequestParser() {}

    /**
     * @throws InvalidProxyRequestException for malformed JSON, a missing or implausible model, or a non-boolean
     *     stream
     */
    static MeteredRequest parse(byte[] body) {
        try (JsonParser p = StrictJson.rootObject(body)) {
            String model = null;
            boolean stream = false;
            Long maxTokens = null;
            PromptScan scan = new PromptScan(CONTENT);
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken value = p.nextToken();
                switch (name) {
                    case "model" -> model = StrictJson.stringOrNull(p, value);
                    case "stream" -> stream = StrictJson.bool(value, ErrorAnswer.INVALID_STREAM);
                    case "max_tokens" ->
                        maxTokens = StrictJson.countOrNull(p, value, name, MeteredRequest.MAX_OUTPUT_TOKENS);
                    case "messages", "system" -> scan.value(p, value);
                    default -> p.skipChildren();
                }
            }
            StrictJson.requireEnd(p);
            return new MeteredRequest(
                    StrictJson.requireModel(model),
                    stream,
                    UPSTREAM_PATH,
                    body,
                    PromptSize.ofBytes(body.length, scan.nonTextParts(), scan.unseenInput()),
                    maxTokens == null ? null : Math.max(0, maxTokens),
                    false);
        } catch (JacksonException e) {
            throw new InvalidProxyRequestException(ErrorAnswer.INVALID_JSON);
        }
    }
}
