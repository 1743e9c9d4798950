package dev.budgetguard.ingest.proxy.anthropic;

import dev.budgetguard.ingest.proxy.ReportedUsage;
import dev.budgetguard.ingest.proxy.wire.StrictJson;
import dev.budgetguard.ingest.proxy.wire.TokenCounts;
import dev.budgetguard.schemas.usage.ServiceTier;
import dev.budgetguard.schemas.usage.TokenUsage;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * One Anthropic {@code usage} object as sent, every field optional ({@code -1} = absent), so that a streamed
 * {@code message_delta} can update the fields it repeats and leave the others as {@code message_start} said.
 */
record AnthropicUsageFields(
        long input,
        long cacheCreation,
        long cacheRead,
        long cacheWrite5m,
        long cacheWrite1h,
        long output,
        long thinking,
        String serviceTier) {

    static final AnthropicUsageFields NONE = new AnthropicUsageFields(-1, -1, -1, -1, -1, -1, -1, null);

    /** Reads the members of the usage object whose opening brace the parser is on. */
    static AnthropicUsageFields readMembers(JsonParser p) {
        long[] f = {-1, -1, -1, -1, -1, -1, -1};
        String tier = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "input_tokens" -> f[0] = TokenCounts.count(p, value);
                case "cache_creation_input_tokens" -> f[1] = TokenCounts.count(p, value);
                case "cache_read_input_tokens" -> f[2] = TokenCounts.count(p, value);
                case "cache_creation" -> readCacheCreation(p, value, f);
                case "output_tokens" -> f[5] = TokenCounts.count(p, value);
                case "output_tokens_details" -> f[6] = thinking(p, value);
                case "service_tier" -> tier = StrictJson.stringOrNull(p, value);
                default -> p.skipChildren();
            }
        }
        return new AnthropicUsageFields(f[0], f[1], f[2], f[3], f[4], f[5], f[6], tier);
    }

    /** These fields, updated by every field {@code later} has (a cumulative delta wins where it speaks). */
    AnthropicUsageFields updatedBy(AnthropicUsageFields later) {
        return new AnthropicUsageFields(
                pick(later.input, input),
                pick(later.cacheCreation, cacheCreation),
                pick(later.cacheRead, cacheRead),
                pick(later.cacheWrite5m, cacheWrite5m),
                pick(later.cacheWrite1h, cacheWrite1h),
                pick(later.output, output),
                pick(later.thinking, thinking),
                later.serviceTier != null ? later.serviceTier : serviceTier);
    }

    /**
     * In BudgetGuard's terms, or {@code null} without input and output counts. Anthropic's {@code input_tokens}
     * excludes cache reads and writes, so all input is the three added. Writes are split by TTL when Anthropic says
     * how; writes it does not attribute (older answers have only {@code cache_creation_input_tokens}) are 5-minute
     * writes, the default TTL. Thinking is inside {@code output_tokens} already.
     */
    ReportedUsage normalized() {
        if (input < 0 || output < 0) {
            return null;
        }
        long read = Math.max(0, cacheRead);
        long oneHour = Math.max(0, cacheWrite1h);
        long fiveMinutes = Math.max(0, cacheWrite5m);
        long unattributed = Math.max(0, cacheCreation) - fiveMinutes - oneHour;
        if (unattributed > 0) {
            fiveMinutes += unattributed;
        }
        TokenUsage tokens = new TokenUsage(
                input + read + fiveMinutes + oneHour,
                read,
                fiveMinutes,
                oneHour,
                output,
                Math.min(output, Math.max(0, thinking)));
        return new ReportedUsage(tokens, ServiceTier.reported(serviceTier, "batch".equals(serviceTier)));
    }

    private static void readCacheCreation(JsonParser p, JsonToken value, long[] f) {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken member = p.nextToken();
            switch (name) {
                case "ephemeral_5m_input_tokens" -> f[3] = TokenCounts.count(p, member);
                case "ephemeral_1h_input_tokens" -> f[4] = TokenCounts.count(p, member);
                default -> p.skipChildren();
            }
        }
    }

    private static long thinking(JsonParser p, JsonToken value) {
        long found = -1;
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return found;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken member = p.nextToken();
            if ("thinking_tokens".equals(name)) {
                found = TokenCounts.count(p, member);
            } else {
                p.skipChildren();
            }
        }
        return found;
    }

    private static long pick(long later, long earlier) {
        return later >= 0 ? later : earlier;
    }
}
