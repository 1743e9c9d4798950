package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.proxy.wire.InvalidRequestException;
import dev.budgetguard.ingest.proxy.wire.MeteredBody;
import dev.budgetguard.ingest.proxy.wire.RequestProblem;
import dev.budgetguard.ingest.proxy.wire.StrictJson;
import dev.budgetguard.ingest.proxy.wire.TokenCounts;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads the top-level fields metering needs from the body of any OpenAI route with a streaming parser (everything
 * else is skipped unread), strictly as {@link StrictJson} says. For routes whose streams report usage only when asked,
 * a streamed request that did not ask gets the smallest byte edit that does, hidden again from the client.
 */
public final class OpenAiRequestParser {

    private OpenAiRequestParser() {}

    /** @throws InvalidRequestException for malformed JSON, a missing or implausible model, or bad stream flags */
    public static MeteredBody parse(OpenAiRoute route, byte[] body) {
        try (JsonParser p = StrictJson.rootObject(body)) {
            return read(route, p, body);
        } catch (JacksonException e) {
            throw new InvalidRequestException(RequestProblem.INVALID_JSON);
        } catch (InvalidChatRequestException e) {
            throw new InvalidRequestException(RequestProblem.INVALID_INCLUDE_USAGE);
        }
    }

    private static MeteredBody read(OpenAiRoute route, JsonParser p, byte[] body) {
        String model = null;
        boolean stream = false;
        String tier = null;
        Long[] bounds = new Long[route.outputBounds().size()];
        StreamUsageRequest usage =
                StreamUsageRequest.absent((int) p.currentTokenLocation().getByteOffset());
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken value = p.nextToken();
            int bound = route.outputBounds().indexOf(name);
            if (bound >= 0) {
                bounds[bound] = StrictJson.longOrNull(p, value);
            } else if ("model".equals(name)) {
                model = TokenCounts.text(p, value);
            } else if ("stream".equals(name) && route.streams()) {
                stream = StrictJson.bool(value, RequestProblem.INVALID_STREAM);
            } else if ("stream_options".equals(name) && route.asksForStreamUsage()) {
                usage = StreamUsageRequest.read(p, value);
            } else if ("service_tier".equals(name)) {
                tier = TokenCounts.text(p, value);
            } else {
                p.skipChildren();
            }
        }
        StrictJson.requireEnd(p);
        StrictJson.requireModel(model);
        boolean inject = stream && route.asksForStreamUsage() && !usage.asked() && usage.splice() != null;
        byte[] forward = inject ? usage.splice().applyTo(body) : body;
        return new MeteredBody(model, stream, firstPresent(bounds, route), forward, inject, tier);
    }

    private static Long firstPresent(Long[] bounds, OpenAiRoute route) {
        if (!route.producesOutput()) {
            return 0L;
        }
        for (Long bound : bounds) {
            if (bound != null) {
                return bound;
            }
        }
        return null;
    }
}
