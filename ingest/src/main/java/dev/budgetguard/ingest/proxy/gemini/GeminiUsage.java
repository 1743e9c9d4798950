package dev.budgetguard.ingest.proxy.gemini;

import dev.budgetguard.ingest.proxy.ReportedUsage;
import dev.budgetguard.ingest.proxy.wire.RootMember;
import dev.budgetguard.ingest.proxy.wire.TokenCounts;
import dev.budgetguard.ingest.proxy.wire.UsageObjects;
import dev.budgetguard.schemas.usage.TokenUsage;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Gemini's {@code usageMetadata}, normalized in one place. {@code promptTokenCount} is the whole prompt, cached
 * content included ({@code cachedContentTokenCount} is a part of it); {@code toolUsePromptTokenCount} (tool results fed
 * back) is billed as input on top; {@code candidatesTokenCount} excludes thinking, and {@code thoughtsTokenCount} is
 * billed at the output rate, so output is the two added and reasoning is the thoughts. Zero counts are often left out
 * of the JSON (proto3), so an absent count is 0; a metadata object without a prompt count is no usage.
 */
public final class GeminiUsage {

    private static final RootMember USAGE_METADATA = RootMember.named("usageMetadata");

    private GeminiUsage() {}

    /** Usage of a whole answer, or of one streamed chunk; {@code null} when it reports none. */
    public static ReportedUsage ofBody(byte[] b, int from, int to, Runnable onImplausible) {
        int at = USAGE_METADATA.valueIn(b, from, to);
        if (at < 0 || b[at] != '{') {
            return null;
        }
        TokenUsage tokens = UsageObjects.read(b, at, to, GeminiUsage::read, onImplausible);
        return tokens == null ? null : ReportedUsage.standard(tokens);
    }

    private static TokenUsage read(JsonParser p) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        long prompt = -1;
        long cached = 0;
        long toolUse = 0;
        long candidates = 0;
        long thoughts = 0;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "promptTokenCount" -> prompt = TokenCounts.count(p, value);
                case "cachedContentTokenCount" -> cached = TokenCounts.countOrZero(p, value);
                case "toolUsePromptTokenCount" -> toolUse = TokenCounts.countOrZero(p, value);
                case "candidatesTokenCount" -> candidates = TokenCounts.countOrZero(p, value);
                case "thoughtsTokenCount" -> thoughts = TokenCounts.countOrZero(p, value);
                default -> p.skipChildren();
            }
        }
        if (prompt < 0) {
            return null;
        }
        long input = prompt + toolUse;
        return new TokenUsage(input, Math.min(cached, input), 0, 0, candidates + thoughts, thoughts);
    }
}
