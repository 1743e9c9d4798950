package dev.budgetguard.ingest.proxy.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.proxy.MeteredRequest;
import dev.budgetguard.ingest.testing.GoldenReplies;
import dev.budgetguard.ingest.testing.GoldenReplies.Metered;
import dev.budgetguard.ingest.testing.MeteringProbe;
import dev.budgetguard.schemas.pricing.BundledPrices;
import dev.budgetguard.schemas.usage.ServiceTier;
import dev.budgetguard.schemas.usage.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Gemini's real-shaped replies, whole and streamed as server-sent events, normalized and priced. */
class GeminiGoldenTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final byte[] ASK = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Plan restocks.\"}]}]}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void thoughtsAreOutputOnTopOfCandidatesAndTheLastStreamedMetadataCounts() {
        // given gemini-2.5-pro with a 240k prompt, 180k of it cached (provider-formats section 3)
        MeteringProbe probe = new MeteringProbe(BundledPrices.priceBook(), AT);
        GeminiEndpoint generate = new GeminiEndpoint(false);
        GeminiEndpoint stream = new GeminiEndpoint(true);

        // when
        Metered whole = GoldenReplies.meter(
                probe,
                generate,
                generate.parse("/v1beta/models/gemini-2.5-pro:generateContent", "", ASK),
                "gemini/generate-content.json",
                "r-body");
        MeteredRequest streamed = stream.parse("/v1beta/models/gemini-2.5-pro:streamGenerateContent", "alt=sse", ASK);
        Metered relayed =
                GoldenReplies.meter(probe, stream, streamed, "gemini/stream-generate-content.sse", "r-stream");

        // then output 3200 + 5800 thoughts; long-context tier: 60000 x $2.50 + 180000 x $0.25 + 9000 x $15, per 1M
        assertThat(whole.completion().usage()).isEqualTo(new TokenUsage(240_000, 180_000, 0, 0, 9_000, 5_800));
        assertThat(whole.completion().cost().amountUsd()).isEqualByComparingTo("0.33");
        assertThat(whole.completion().provider()).isEqualTo("google");
        assertThat(whole.completion().route()).isEqualTo("/v1beta/models/{model}:generateContent");
        assertThat(whole.completion().serviceTier()).isEqualTo(ServiceTier.STANDARD);
        assertThat(relayed.completion().usage()).isEqualTo(whole.completion().usage());
        assertThat(relayed.completion().cost()).isEqualTo(whole.completion().cost());
        assertThat(relayed.completion().route()).isEqualTo("/v1beta/models/{model}:streamGenerateContent");
        assertThat(relayed.clientBytes()).isEqualTo(GoldenReplies.bytes("gemini/stream-generate-content.sse"));
    }

    @Test
    void toolUsePromptTokensAreInput() {
        // given 120 prompt + 40 tool-use prompt tokens, 9 candidates + 25 thoughts
        byte[] body = GoldenReplies.bytes("gemini/generate-content-tool-use.json");

        // when
        TokenUsage usage = new GeminiEndpoint(false).usageOfBody(body, () -> {});

        // then
        assertThat(usage).isEqualTo(new TokenUsage(160, 0, 0, 0, 34, 25));
    }

    @Test
    void metadataWithoutAPromptCountIsNoUsage() {
        assertThat(new GeminiEndpoint(false)
                        .usageOfBody(
                                "{\"candidates\":[],\"usageMetadata\":{}}".getBytes(StandardCharsets.UTF_8), () -> {}))
                .isNull();
    }
}
