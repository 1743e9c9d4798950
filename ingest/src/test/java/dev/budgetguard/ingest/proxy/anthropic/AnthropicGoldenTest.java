package dev.budgetguard.ingest.proxy.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.proxy.MeteredCall;
import dev.budgetguard.ingest.proxy.MeteredRequest;
import dev.budgetguard.ingest.proxy.StreamInspector;
import dev.budgetguard.ingest.testing.GoldenReplies;
import dev.budgetguard.ingest.testing.GoldenReplies.Metered;
import dev.budgetguard.ingest.testing.MeteringProbe;
import dev.budgetguard.schemas.pricing.BundledPrices;
import dev.budgetguard.schemas.pricing.PriceBook;
import dev.budgetguard.schemas.usage.ServiceTier;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Anthropic's real-shaped replies, whole and streamed, normalized and priced with the bundled prices. */
class AnthropicGoldenTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final String MODEL = "claude-sonnet-4-5-20250929";

    private final AnthropicMessagesEndpoint endpoint = new AnthropicMessagesEndpoint();

    @Test
    void oneHourCacheWritesAreInputAtTwiceTheBaseRateStreamedOrNot() {
        // given input_tokens 100 and cache_creation 10000, all ephemeral_1h, on Sonnet 4.5 ($3/M base, $15/M out)
        MeteringProbe probe = new MeteringProbe(BundledPrices.priceBook(), AT);

        // when
        Metered whole = meter(probe, false, "anthropic/messages-cache-write.json", "r-body");
        Metered streamed = meter(probe, true, "anthropic/messages-cache-write.sse", "r-stream");

        // then all input counts, the writes as 1h writes; 100 x $3 + 10000 x $6 = $0.060300 input side, plus 50 x $15
        TokenUsage usage = whole.completion().usage();
        assertThat(usage).isEqualTo(new TokenUsage(10_100, 0, 0, 10_000, 50, 0));
        assertThat(inputSideCost(usage)).isEqualByComparingTo("0.060300");
        assertThat(whole.completion().cost().amountUsd()).isEqualByComparingTo("0.061050");
        assertThat(whole.completion().cost().priceVersion()).isEqualTo("claude-sonnet-4-5@2025-09-29");
        assertThat(whole.completion().serviceTier()).isEqualTo(new ServiceTier("standard", false));
        GoldenReplies.assertSameMetering(streamed.completion(), whole.completion());
        assertThat(streamed.clientBytes()).isEqualTo(GoldenReplies.bytes("anthropic/messages-cache-write.sse"));
    }

    @Test
    void cacheReadsAddToInputAndTheLastCumulativeDeltaCountsNotTheirSum() {
        // given 1850 uncached, 24000 cache reads, 640 output of which 410 thinking (provider-formats 2a)
        MeteringProbe probe = new MeteringProbe(BundledPrices.priceBook(), AT);

        // when
        Metered whole = meter(probe, false, "anthropic/messages-cache-read-thinking.json", "r-body");
        Metered streamed = meter(probe, true, "anthropic/messages-cache-read-thinking.sse", "r-stream");

        // then 1850 x $3 + 24000 x $0.30 + 640 x $15, per 1M; message_start's 3 output tokens are not added
        assertThat(whole.completion().usage()).isEqualTo(new TokenUsage(25_850, 24_000, 0, 0, 640, 410));
        assertThat(whole.completion().cost().amountUsd()).isEqualByComparingTo("0.02235");
        GoldenReplies.assertSameMetering(streamed.completion(), whole.completion());
    }

    @Test
    void aBatchServiceTierIsRecordedAndPricedWithTheBatchDiscount() {
        // given the cache-write reply as Anthropic reports it for a batch
        MeteringProbe probe = new MeteringProbe(BundledPrices.priceBook(), AT);
        byte[] batch = new String(GoldenReplies.bytes("anthropic/messages-cache-write.json"), StandardCharsets.UTF_8)
                .replace("\"service_tier\": \"standard\"", "\"service_tier\": \"batch\"")
                .getBytes(StandardCharsets.UTF_8);
        MeteredRequest request = request(false);
        MeteredCall call = probe.admit("r-batch", "anthropic", "/v1/messages", MODEL, false);

        // when
        call.usage(endpoint.usageOfBody(batch, call::implausibleUsage));
        call.serviceTier(endpoint.serviceTierOfBody(request, batch));
        call.finish(UsageStatus.OK, 200, null);

        // then half of $0.061050
        assertThat(probe.completion("r-batch").serviceTier()).isEqualTo(new ServiceTier("batch", true));
        assertThat(probe.completion("r-batch").cost().amountUsd()).isEqualByComparingTo("0.030525");
    }

    @Test
    void aStreamCutBeforeItsMessageDeltaHasNoUsage() {
        // given the stream up to (not including) message_delta
        MeteringProbe probe = new MeteringProbe(BundledPrices.priceBook(), AT);
        MeteredCall call = probe.admit("r-cut", "anthropic", "/v1/messages", MODEL, true);
        StreamInspector inspector = endpoint.streamInspector(request(true), call);
        List<byte[]> events = GoldenReplies.events("anthropic/messages-cache-write.sse");

        // when
        events.subList(0, events.size() - 2).forEach(inspector::inspect);

        // then message_start's input side alone is not a usage report
        assertThat(call.usage()).isNull();
    }

    @Test
    void answersWithOnlyTheTotalCacheWriteCountItAsFiveMinuteWrites() {
        // given an older answer without the cache_creation breakdown
        byte[] body = ("{\"id\":\"msg_1\",\"type\":\"message\",\"content\":[],\"usage\":{\"input_tokens\":20,"
                        + "\"cache_creation_input_tokens\":300,\"cache_read_input_tokens\":40,\"output_tokens\":5}}")
                .getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThat(endpoint.usageOfBody(body, () -> {})).isEqualTo(new TokenUsage(360, 40, 300, 0, 5, 0));
    }

    private Metered meter(MeteringProbe probe, boolean stream, String fixture, String requestId) {
        return GoldenReplies.meter(probe, endpoint, request(stream), fixture, requestId);
    }

    private MeteredRequest request(boolean stream) {
        String body = "{\"model\":\"" + MODEL + "\",\"max_tokens\":1024,\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Which clause caps liability?\"}]}";
        return endpoint.parse("/v1/messages", "", body.getBytes(StandardCharsets.UTF_8));
    }

    private static BigDecimal inputSideCost(TokenUsage usage) {
        PriceBook prices = BundledPrices.priceBook();
        TokenUsage inputOnly = new TokenUsage(
                usage.inputTokens(),
                usage.cachedInputTokens(),
                usage.cacheWrite5mTokens(),
                usage.cacheWrite1hTokens(),
                0,
                0);
        return prices.cost(MODEL, AT, inputOnly).amountUsd();
    }
}
