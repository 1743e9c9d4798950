package dev.budgetguard.ingest.proxy.gemini;

import dev.budgetguard.ingest.admission.PromptSize;
import dev.budgetguard.ingest.proxy.ErrorAnswer;
import dev.budgetguard.ingest.proxy.InvalidProxyRequestException;
import dev.budgetguard.ingest.proxy.MeteredRequest;
import dev.budgetguard.ingest.proxy.wire.StrictJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Checks a {@code generateContent} body strictly, as {@link StrictJson} says, and reads its output bound,
 * {@code generationConfig.maxOutputTokens}. Google's JSON reader takes proto field names too, so
 * {@code generation_config} / {@code max_output_tokens} count as well; when both spellings are given, the larger
 * bound is the one metered. The model and stream flag come from the path; the prompt is bounded by the body's size.
 */
final class GeminiRequestParser {

    private GeminiRequestParser() {}

    /** @throws InvalidProxyRequestException for a body that is not one strict JSON object */
    static MeteredRequest parse(GeminiCall call, byte[] body) {
        try (JsonParser p = StrictJson.rootObject(body)) {
            Long bound = null;
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken value = p.nextToken();
                if (("generationConfig".equals(name) || "generation_config".equals(name))
                        && value == JsonToken.START_OBJECT) {
                    bound = larger(bound, maxOutputTokens(p));
                } else {
                    p.skipChildren();
                }
            }
            StrictJson.requireEnd(p);
            return new MeteredRequest(
                    call.model(),
                    call.stream(),
                    call.upstreamPath(),
                    body,
                    PromptSize.ofBytes(body.length, 0),
                    bound == null ? null : Math.max(0, bound),
                    false);
        } catch (JacksonException e) {
            throw new InvalidProxyRequestException(ErrorAnswer.INVALID_JSON);
        }
    }

    private static Long maxOutputTokens(JsonParser p) {
        Long bound = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken value = p.nextToken();
            if ("maxOutputTokens".equals(name) || "max_output_tokens".equals(name)) {
                bound = larger(bound, StrictJson.longOrNull(p, value));
            } else {
                p.skipChildren();
            }
        }
        return bound;
    }

    private static Long larger(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }
}
