package dev.budgetguard.ingest.proxy.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.proxy.MeteredRequest;
import dev.budgetguard.ingest.proxy.ProviderEndpoint;
import dev.budgetguard.ingest.testing.GoldenReplies;
import dev.budgetguard.ingest.testing.GoldenReplies.Metered;
import dev.budgetguard.ingest.testing.MeteringProbe;
import dev.budgetguard.schemas.pricing.BundledPrices;
import dev.budgetguard.schemas.pricing.InMemoryPriceBook;
import dev.budgetguard.schemas.pricing.ModelPrice;
import dev.budgetguard.schemas.pricing.PriceBook;
import dev.budgetguard.schemas.usage.CostStatus;
import dev.budgetguard.schemas.usage.ServiceTier;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each OpenAI route's real-shaped reply, whole and streamed, metered to the same record. */
class OpenAiGoldenTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void chatCompletionsPriceCachedPromptTokensAtTheCachedRateStreamedOrNot() {
        // given the rates: $1.40 in, $0.26 cached, $4.40 out per 1M
        MeteringProbe probe = new MeteringProbe(rates("gpt-4.1", "1.40", "0.26", "4.40"), AT);
        ChatCompletionsEndpoint endpoint = new ChatCompletionsEndpoint();
        String ask = "{\"model\":\"gpt-4.1\",\"messages\":[{\"role\":\"user\",\"content\":\"Summarize clause 14.\"}]";

        // when
        Metered whole = meter(probe, endpoint, ask + "}", "openai/chat-completions.json", "r-body");
        Metered streamed = meter(
                probe,
                endpoint,
                ask + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}",
                "openai/chat-completions.sse",
                "r-stream");

        // then 1 x $1.40 + 27146 x $0.26 + 351 x $4.40, per 1M (not $0.0395502 as if no cache, nor $0.04660816)
        assertThat(whole.completion().usage()).isEqualTo(new TokenUsage(27147, 27146, 0, 0, 351, 0));
        assertThat(whole.completion().cost().amountUsd()).isEqualByComparingTo("0.00860376");
        assertThat(whole.completion().serviceTier()).isEqualTo(new ServiceTier("default", false));
        GoldenReplies.assertSameMetering(streamed.completion(), whole.completion());
        assertThat(streamed.clientBytes()).isEqualTo(GoldenReplies.bytes("openai/chat-completions.sse"));
        assertThat(whole.clientBytes()).isEqualTo(GoldenReplies.bytes("openai/chat-completions.json"));
    }

    @Test
    void responsesCountReasoningInsideOutputOnceStreamedOrNot() {
        // given $1/M in and $4/M out
        MeteringProbe probe = new MeteringProbe(rates("o4-mini", "1", null, "4"), AT);
        OpenAiEndpoint endpoint = new OpenAiEndpoint(OpenAiRoute.RESPONSES);
        String ask = "{\"model\":\"o4-mini\",\"input\":\"What does net 30 mean?\",\"max_output_tokens\":2000";

        // when
        Metered whole = meter(probe, endpoint, ask + "}", "openai/responses.json", "r-body");
        Metered streamed = meter(probe, endpoint, ask + ",\"stream\":true}", "openai/responses.sse", "r-stream");

        // then input 100, output 1000 of which 800 reasoning: 100 x $1 + 1000 x $4, per 1M
        assertThat(whole.completion().usage()).isEqualTo(new TokenUsage(100, 0, 0, 0, 1000, 800));
        assertThat(whole.completion().cost().amountUsd()).isEqualByComparingTo("0.004100");
        GoldenReplies.assertSameMetering(streamed.completion(), whole.completion());
        assertThat(streamed.clientBytes()).isEqualTo(GoldenReplies.bytes("openai/responses.sse"));
        assertThat(endpoint.parse("/v1/responses", "", bytes(ask + "}")).maxOutputTokens())
                .isEqualTo(2000L);
    }

    @Test
    void aResponsesStreamCutBeforeItsCompletedEventHasNoUsage() {
        // given the stream without its last event
        MeteringProbe probe = new MeteringProbe(rates("o4-mini", "1", null, "4"), AT);
        OpenAiEndpoint endpoint = new OpenAiEndpoint(OpenAiRoute.RESPONSES);
        MeteredRequest request =
                endpoint.parse("/v1/responses", "", bytes("{\"model\":\"o4-mini\",\"input\":\"x\",\"stream\":true}"));
        var call = probe.admit("r-cut", "openai", "/v1/responses", "o4-mini", true);
        var inspector = endpoint.streamInspector(request, call);
        List<byte[]> events = GoldenReplies.events("openai/responses.sse");

        // when
        events.subList(0, events.size() - 1).forEach(inspector::inspect);

        // then
        assertThat(call.usage()).isNull();
    }

    @Test
    void completionsOfAnUnpricedModelAreCountedRecordedUnpricedAndServed() {
        // given the bundled price book, which has no price for gpt-3.5-turbo-instruct
        MeteringProbe probe = new MeteringProbe(BundledPrices.priceBook(), AT);
        OpenAiEndpoint endpoint = new OpenAiEndpoint(OpenAiRoute.COMPLETIONS);
        String ask =
                "{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"Write a reply to Ms. Okafor\",\"max_tokens\":64";

        // when
        Metered whole = meter(probe, endpoint, ask + "}", "openai/completions.json", "r-body");
        Metered streamed = meter(
                probe,
                endpoint,
                ask + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}",
                "openai/completions.sse",
                "r-stream");

        // then the tokens are known, the cost is not (never $0), and the metric says so
        assertThat(whole.completion().usage()).isEqualTo(TokenUsage.of(12, 14));
        assertThat(whole.completion().status()).isEqualTo(UsageStatus.OK);
        assertThat(whole.completion().cost().status()).isEqualTo(CostStatus.UNPRICED);
        assertThat(whole.completion().cost().amountUsd()).isNull();
        GoldenReplies.assertSameMetering(streamed.completion(), whole.completion());
        assertThat(probe.registry().counter("budgetguard.proxy.usage.unpriced").count())
                .isEqualTo(2.0);
    }

    @Test
    void aCompletionsStreamThatDidNotAskForUsageIsAskedAndTheUsageHiddenAgain() {
        // given a streamed completions request without stream_options
        OpenAiEndpoint endpoint = new OpenAiEndpoint(OpenAiRoute.COMPLETIONS);
        MeteredRequest request = endpoint.parse(
                "/v1/completions",
                "",
                bytes("{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"x\",\"stream\":true}"));
        MeteringProbe probe = new MeteringProbe(BundledPrices.priceBook(), AT);

        // when
        Metered streamed = GoldenReplies.meter(probe, endpoint, request, "openai/completions.sse", "r-1");

        // then upstream was asked, usage was read, and the client saw neither the usage chunk nor "usage":null
        assertThat(new String(request.forwardBody(), StandardCharsets.UTF_8))
                .startsWith("{\"stream_options\":{\"include_usage\":true},");
        assertThat(streamed.completion().usage()).isEqualTo(TokenUsage.of(12, 14));
        String client = new String(streamed.clientBytes(), StandardCharsets.UTF_8);
        assertThat(client).doesNotContain("usage").endsWith("data: [DONE]\n\n");
    }

    @Test
    void theRequestedServiceTierIsRecordedWhenTheAnswerNamesNone() {
        // given a flex request whose answer (the completions fixture) has no service_tier
        MeteringProbe probe = new MeteringProbe(BundledPrices.priceBook(), AT);
        OpenAiEndpoint endpoint = new OpenAiEndpoint(OpenAiRoute.COMPLETIONS);

        // when
        Metered whole = meter(
                probe,
                endpoint,
                "{\"model\":\"gpt-4o-mini\",\"prompt\":\"x\",\"service_tier\":\"flex\"}",
                "openai/completions.json",
                "r-flex");

        // then
        assertThat(whole.completion().serviceTier()).isEqualTo(new ServiceTier("flex", false));
    }

    @Test
    void embeddingsCountPromptTokensAndProduceNoOutput() {
        // given text-embedding-3-small at $0.02/M
        MeteringProbe probe = new MeteringProbe(rates("text-embedding-3-small", "0.02", null, "0"), AT);
        OpenAiEndpoint endpoint = new OpenAiEndpoint(OpenAiRoute.EMBEDDINGS);
        String ask = "{\"model\":\"text-embedding-3-small\",\"input\":\"The quick brown fox\",\"stream\":\"ignored\"}";

        // when
        Metered whole = meter(probe, endpoint, ask, "openai/embeddings.json", "r-1");

        // then
        assertThat(whole.completion().usage()).isEqualTo(TokenUsage.of(8, 0));
        assertThat(whole.completion().cost().amountUsd()).isEqualByComparingTo("0.00000016");
        assertThat(endpoint.parse("/v1/embeddings", "", bytes(ask)).maxOutputTokens())
                .isZero();
    }

    private static Metered meter(
            MeteringProbe probe, ProviderEndpoint endpoint, String request, String fixture, String requestId) {
        MeteredRequest parsed = endpoint.parse(endpoint.route(), "", bytes(request));
        return GoldenReplies.meter(probe, endpoint, parsed, fixture, requestId);
    }

    private static PriceBook rates(String model, String in, String cached, String out) {
        return new InMemoryPriceBook(List.of(new ModelPrice(
                model,
                "openai",
                LocalDate.parse("2025-01-01"),
                null,
                new BigDecimal(in),
                cached == null ? null : new BigDecimal(cached),
                null,
                null,
                new BigDecimal(out),
                100_000)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
