package dev.budgetguard.ingest.proxy.openai;

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
 * Reads the top-level fields metering needs from the body of the completions, responses and embeddings routes with a
 * streaming parser (everything else is skipped unread), strictly as {@link StrictJson} says. For completions, a
 * streamed request that did not ask for stream usage gets the smallest byte edit that does, hidden again from the
 * client; the Responses API always streams usage. The prompt is bounded by the body's size (one token per byte), plus
 * the allowance of each image, file or audio part of a Responses {@code input}; a Responses request that continues a
 * stored response or conversation, uses a stored prompt, or names a file by {@code file_id} / {@code file_url} (or an
 * {@code item_reference}) brings input the collector cannot see, and its prompt bound is the unseen-input allowance.
 * Output bounds above {@link MeteredRequest#MAX_OUTPUT_TOKENS} and more than {@link MeteredRequest#MAX_CHOICES}
 * choices are refused, naming the field.
 */
final class OpenAiRequestParser {

    /** Root members of a Responses request that pull in stored input. */
    private static final Set<String> STORED_INPUT = Set.of("previous_response_id", "conversation", "prompt");

    static final PromptScan.Rules RESPONSES_INPUT = new PromptScan.Rules(
            Set.of("input_image", "input_file", "input_audio"),
            Set.of("item_reference"),
            Set.of("file_id", "file_url"),
            Set.of());

    private OpenAiRequestParser() {}

    /** @throws InvalidProxyRequestException for malformed JSON, a missing or implausible model, or bad stream flags */
    static MeteredRequest parse(OpenAiRoute route, byte[] body) {
        try (JsonParser p = StrictJson.rootObject(body)) {
            return read(route, p, body);
        } catch (JacksonException e) {
            throw new InvalidProxyRequestException(ErrorAnswer.INVALID_JSON);
        }
    }

    private static MeteredRequest read(OpenAiRoute route, JsonParser p, byte[] body) {
        String model = null;
        boolean stream = false;
        Long bound = null;
        long choices = 1;
        PromptScan scan = new PromptScan(RESPONSES_INPUT);
        StreamUsageRequest usage =
                StreamUsageRequest.absent((int) p.currentTokenLocation().getByteOffset());
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken value = p.nextToken();
            if (name.equals(route.outputBound())) {
                bound = StrictJson.countOrNull(p, value, name, MeteredRequest.MAX_OUTPUT_TOKENS);
            } else if ("model".equals(name)) {
                model = StrictJson.stringOrNull(p, value);
            } else if ("stream".equals(name) && route.streams()) {
                stream = StrictJson.bool(value, ErrorAnswer.INVALID_STREAM);
            } else if ("stream_options".equals(name) && route.asksForStreamUsage()) {
                usage = StreamUsageRequest.read(p, value);
            } else if (("n".equals(name) || "best_of".equals(name)) && route == OpenAiRoute.COMPLETIONS) {
                Long asked = StrictJson.countOrNull(p, value, name, MeteredRequest.MAX_CHOICES);
                choices = Math.max(choices, asked == null ? 1 : asked);
            } else if (route == OpenAiRoute.RESPONSES && STORED_INPUT.contains(name)) {
                if (value != JsonToken.VALUE_NULL) {
                    scan.unseen();
                }
                p.skipChildren();
            } else if (route == OpenAiRoute.RESPONSES && "input".equals(name)) {
                scan.value(p, value);
            } else {
                p.skipChildren();
            }
        }
        StrictJson.requireEnd(p);
        StrictJson.requireModel(model);
        boolean inject = stream && route.asksForStreamUsage() && !usage.asked() && usage.splice() != null;
        byte[] forward = inject ? usage.splice().applyTo(body) : body;
        return new MeteredRequest(
                model,
                stream,
                route.upstreamPath(),
                forward,
                PromptSize.ofBytes(body.length, scan.nonTextParts(), scan.unseenInput()),
                outputBound(route, bound, choices),
                inject,
                choices);
    }

    /** Output over all choices ({@code best_of} are generated and billed too); embeddings produce none. */
    private static Long outputBound(OpenAiRoute route, Long bound, long choices) {
        if (!route.producesOutput()) {
            return 0L;
        }
        if (bound == null) {
            return null;
        }
        return Math.multiplyExact(Math.max(0, bound), choices);
    }
}
