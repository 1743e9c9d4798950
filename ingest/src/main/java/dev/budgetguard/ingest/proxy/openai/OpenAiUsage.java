package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.proxy.wire.RootMember;
import dev.budgetguard.ingest.proxy.wire.TokenCounts;
import dev.budgetguard.ingest.proxy.wire.UsageObjects;
import dev.budgetguard.schemas.usage.TokenUsage;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * OpenAI's usage shapes, normalized in one place. Chat completions and completions report {@code prompt_tokens}
 * (cached included, as {@code prompt_tokens_details.cached_tokens}) and {@code completion_tokens} (reasoning included,
 * as {@code completion_tokens_details.reasoning_tokens}); the Responses API reports the same as {@code input_tokens},
 * {@code input_tokens_details.cached_tokens}, {@code output_tokens}, {@code output_tokens_details.reasoning_tokens};
 * embeddings report {@code prompt_tokens} only. Both spellings mean what BudgetGuard's {@link TokenUsage} means, so
 * the counts carry over unchanged. The root {@code service_tier} is the tier OpenAI served the call in.
 */
final class OpenAiUsage {

    private static final RootMember USAGE = RootMember.named("usage");
    private static final RootMember SERVICE_TIER = RootMember.named("service_tier");

    private OpenAiUsage() {}

    /** Usage of a whole answer body (or one chunk), or {@code null} when it reports none. */
    static TokenUsage ofBody(OpenAiRoute route, byte[] b, int from, int to, Runnable onImplausible) {
        int at = USAGE.valueIn(b, from, to);
        if (at < 0 || b[at] != '{') {
            return null;
        }
        return UsageObjects.read(b, at, to, p -> read(p, route), onImplausible);
    }

    /** The root {@code service_tier} of a body, or {@code null} when it names none. */
    static String tierOf(byte[] b, int from, int to) {
        return UsageObjects.stringAt(b, SERVICE_TIER.valueIn(b, from, to), to);
    }

    /** Reads the usage object the parser is about to enter; {@code null} when it lacks the required counts. */
    static TokenUsage read(JsonParser p, OpenAiRoute route) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        return readMembers(p, route);
    }

    /** Reads the members of a usage object whose opening brace the parser is on. */
    static TokenUsage readMembers(JsonParser p, OpenAiRoute route) {
        long input = -1;
        long output = -1;
        long cached = 0;
        long reasoning = 0;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "prompt_tokens", "input_tokens" -> input = TokenCounts.count(p, value);
                case "completion_tokens", "output_tokens" -> output = TokenCounts.count(p, value);
                case "prompt_tokens_details", "input_tokens_details" -> cached = detail(p, value, "cached_tokens");
                case "completion_tokens_details", "output_tokens_details" ->
                    reasoning = detail(p, value, "reasoning_tokens");
                default -> p.skipChildren();
            }
        }
        if (!route.producesOutput() && output < 0) {
            output = 0;
        }
        if (input < 0 || output < 0) {
            return null;
        }
        return new TokenUsage(input, cached, 0, 0, output, reasoning);
    }

    private static long detail(JsonParser p, JsonToken value, String field) {
        long found = 0;
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return found;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken member = p.nextToken();
            if (field.equals(name)) {
                found = TokenCounts.countOrZero(p, member);
            } else {
                p.skipChildren();
            }
        }
        return found;
    }
}
