package dev.budgetguard.ingest.proxy.gemini;

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
 * Checks a {@code generateContent} body strictly, as {@link StrictJson} says, and reads its output bound,
 * {@code generationConfig.maxOutputTokens}, times {@code generationConfig.candidateCount} (each candidate may use all
 * of it; without a bound each may use the model's maximum). Google's JSON reader takes proto field names too, so
 * {@code generation_config} / {@code max_output_tokens} / {@code candidate_count} count as well; when both spellings
 * are given, the larger is the one metered. The model and stream flag come from the path; the prompt is bounded by
 * the body's size, unless a part references a file ({@code fileData}, by URI) or the request uses cached content,
 * which bring input the collector cannot see: the prompt bound is then the unseen-input allowance.
 */
final class GeminiRequestParser {

    static final PromptScan.Rules CONTENTS =
            new PromptScan.Rules(Set.of(), Set.of(), Set.of("fileData", "file_data"), Set.of());

    private static final Set<String> CACHED_CONTENT = Set.of("cachedContent", "cached_content");

    private GeminiRequestParser() {}

    /** @throws InvalidProxyRequestException for a body that is not one strict JSON object, or implausible bounds */
    static MeteredRequest parse(GeminiCall call, byte[] body) {
        try (JsonParser p = StrictJson.rootObject(body)) {
            Bounds bounds = new Bounds();
            PromptScan scan = new PromptScan(CONTENTS);
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken value = p.nextToken();
                if (("generationConfig".equals(name) || "generation_config".equals(name))
                        && value == JsonToken.START_OBJECT) {
                    bounds.read(p, name);
                } else if (CACHED_CONTENT.contains(name)) {
                    if (value != JsonToken.VALUE_NULL) {
                        scan.unseen();
                    }
                    p.skipChildren();
                } else if ("tools".equals(name)) {
                    // Function schemas: user-defined names, never parts.
                    p.skipChildren();
                } else {
                    scan.value(p, value);
                }
            }
            StrictJson.requireEnd(p);
            long candidates = bounds.candidates == null ? 1 : Math.max(1, bounds.candidates);
            return new MeteredRequest(
                    call.model(),
                    call.stream(),
                    call.upstreamPath(),
                    body,
                    PromptSize.ofBytes(body.length, 0, scan.unseenInput()),
                    bounds.output == null ? null : Math.multiplyExact(Math.max(0, bounds.output), candidates),
                    false,
                    candidates);
        } catch (JacksonException e) {
            throw new InvalidProxyRequestException(ErrorAnswer.INVALID_JSON);
        }
    }

    /** The output bound and candidate count of the generation configs, the larger of each spelling. */
    private static final class Bounds {
        Long output;
        Long candidates;

        void read(JsonParser p, String config) {
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken value = p.nextToken();
                String field = config + "." + name;
                if ("maxOutputTokens".equals(name) || "max_output_tokens".equals(name)) {
                    output = larger(output, StrictJson.countOrNull(p, value, field, MeteredRequest.MAX_OUTPUT_TOKENS));
                } else if ("candidateCount".equals(name) || "candidate_count".equals(name)) {
                    candidates =
                            larger(candidates, StrictJson.countOrNull(p, value, field, MeteredRequest.MAX_CHOICES));
                } else {
                    p.skipChildren();
                }
            }
        }

        private static Long larger(Long a, Long b) {
            if (a == null) {
                return b;
            }
            return b == null ? a : Math.max(a, b);
        }
    }
}
