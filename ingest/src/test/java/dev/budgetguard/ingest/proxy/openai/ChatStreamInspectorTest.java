package dev.budgetguard.ingest.proxy.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.proxy.MeteredCall;
import dev.budgetguard.ingest.proxy.Metering;
import dev.budgetguard.ingest.proxy.ProxyMetrics;
import dev.budgetguard.schemas.pricing.BundledPrices;
import dev.budgetguard.schemas.spool.SpoolCounters;
import dev.budgetguard.schemas.spool.UsageLog;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ChatStreamInspectorTest {

    private final MeteredCall call = admitted();

    private static String inspect(ChatStreamInspector relay, String event) {
        byte[] out = relay.inspect(event.getBytes(StandardCharsets.UTF_8));
        return out == null ? null : new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void injectedUsageIsTakenAndHiddenFromTheClient() {
        // given
        ChatStreamInspector relay = new ChatStreamInspector(call, true);

        // when
        String content = inspect(relay, "data: {\"id\":\"c\",\"choices\":[{\"delta\":{}}],\"usage\":null}\n\n");
        String first = inspect(relay, "data: {\"usage\":null,\"id\":\"c\"}\n\n");
        String usageChunk = inspect(
                relay,
                "data: {\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2}}\n\n");
        String done = inspect(relay, "data: [DONE]\n\n");

        // then
        assertThat(content).isEqualTo("data: {\"id\":\"c\",\"choices\":[{\"delta\":{}}]}\n\n");
        assertThat(first).isEqualTo("data: {\"id\":\"c\"}\n\n");
        assertThat(usageChunk).isNull();
        assertThat(done).isEqualTo("data: [DONE]\n\n");
        assertThat(call.usage()).isEqualTo(TokenUsage.of(7, 2));
    }

    @Test
    void injectedUsageChunkIsHiddenEvenWhenTheUpstreamPrettyPrints() {
        // given an OpenAI-compatible upstream that writes JSON with spaces (found by a newcomer with a Python fake)
        ChatStreamInspector relay = new ChatStreamInspector(call, true);

        // when
        String usageChunk = inspect(
                relay,
                "data: {\"id\": \"c\", \"choices\" : [ ], \"usage\": {\"prompt_tokens\": 9, \"completion_tokens\": 4}}\n\n");
        String content = inspect(relay, "data: {\"id\": \"c\", \"choices\": [{\"delta\": {}}], \"usage\": null}\n\n");

        // then the client sees neither the usage chunk nor the usage member it did not ask for
        assertThat(usageChunk).isNull();
        assertThat(content).isEqualTo("data: {\"id\": \"c\", \"choices\": [{\"delta\": {}}]}\n\n");
        assertThat(call.usage()).isEqualTo(TokenUsage.of(9, 4));
    }

    @Test
    void usageTheClientAskedForIsPassedThrough() {
        // given
        ChatStreamInspector relay = new ChatStreamInspector(call, false);
        String usageChunk = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2}}\n\n";
        String content = "data: {\"choices\":[{\"delta\":{}}],\"usage\":null}\n\n";

        // when / then
        assertThat(inspect(relay, content)).isEqualTo(content);
        assertThat(inspect(relay, usageChunk)).isEqualTo(usageChunk);
        assertThat(call.usage()).isEqualTo(TokenUsage.of(7, 2));
    }

    private static MeteredCall admitted() {
        UsageLog log = new UsageLog() {
            @Override
            public CompletableFuture<Void> append(UsageRecord record) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void roll() {}

            @Override
            public SpoolCounters counters() {
                return new SpoolCounters(0, 0, 0, 0, 0, 0, 0, 0);
            }

            @Override
            public void close() {}
        };
        Clock clock = Clock.fixed(Instant.parse("2026-08-20T10:00:00Z"), ZoneOffset.UTC);
        Metering metering =
                new Metering(log, BundledPrices.priceBook(), clock, new ProxyMetrics(new SimpleMeterRegistry()), false);
        return metering.admit(UsageRecord.admission(
                        "r1", "t1", "openai", "/v1/chat/completions", "gpt-4o", true, clock.instant()))
                .block();
    }
}
