package dev.budgetguard.ingest.proxy.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.budgetguard.ingest.tenant.TenantAuthenticator;
import dev.budgetguard.ingest.testing.FixedTenants;
import dev.budgetguard.ingest.testing.GoldenReplies;
import dev.budgetguard.ingest.testing.GoldenUpstream;
import dev.budgetguard.ingest.testing.SpoolContents;
import dev.budgetguard.schemas.usage.RecordKind;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The official Anthropic Java client pointed at the collector. Version 3.16.0 sends its api key as
 * {@code Authorization: Bearer}, which the collector never reads nor forwards, so a tenant sets the BudgetGuard
 * credentials as the client's extra headers ({@code X-Tenant-Id}, {@code X-API-Key}) and any placeholder api key. It
 * gets Anthropic's answer through unchanged, whole and streamed, and both calls are metered alike.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:anthropic-sdk-it;DB_CLOSE_DELAY=-1",
            "budgetguard.providers.anthropic.api-key=sk-ant-server",
            "budgetguard.proxy.event-loop-threads=2"
        })
@Import(AnthropicSdkIT.Tenants.class)
@DirtiesContext
class AnthropicSdkIT {

    static final GoldenUpstream UPSTREAM =
            GoldenUpstream.start().serve("/messages", "anthropic/messages-cache-read-thinking", true);

    @TempDir
    static Path spoolDir;

    @LocalServerPort
    int port;

    @TestConfiguration(proxyBeanMethods = false)
    static class Tenants {
        @Bean
        @Primary
        TenantAuthenticator fixedTenants() {
            return new FixedTenants(Map.of("borealis-health", "bg-borealis-9876543210"));
        }
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("budgetguard.providers.anthropic.base-url", () -> UPSTREAM.baseUrl("/v1"));
        registry.add("budgetguard.spool.dir", () -> spoolDir.toString());
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.close();
    }

    @Test
    void theOfficialClientStreamsAndNonStreamsThroughTheCollectorUnchanged() {
        // given
        SpoolContents spool = new SpoolContents(spoolDir).fromNowOn();
        AnthropicClient client = AnthropicOkHttpClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .apiKey("unused-placeholder")
                .putHeader("X-Tenant-Id", "borealis-health")
                .putHeader("X-API-Key", "bg-borealis-9876543210")
                .maxRetries(0)
                .build();
        MessageCreateParams params = MessageCreateParams.builder()
                .model("claude-sonnet-4-5-20250929")
                .maxTokens(1024)
                .addUserMessage("When do I take it?")
                .build();

        // when
        Message message = client.messages().create(params);
        List<RawMessageStreamEvent> events;
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
            events = stream.stream().toList();
        }

        // then the client read Anthropic's answer, usage and all
        assertThat(message.id()).isEqualTo("msg_01Aq9w938a90dw8q");
        assertThat(message.usage().inputTokens()).isEqualTo(1850);
        assertThat(message.usage().cacheReadInputTokens()).contains(24_000L);
        assertThat(events)
                .hasSize(GoldenReplies.events("anthropic/messages-cache-read-thinking.sse")
                        .size());
        assertThat(events.get(0).messageStart().orElseThrow().message().usage().outputTokens())
                .isEqualTo(3);
        assertThat(events.stream()
                        .filter(RawMessageStreamEvent::isMessageDelta)
                        .map(e -> e.messageDelta().orElseThrow().usage().outputTokens())
                        .toList())
                .containsExactly(640L);

        // and upstream got the server's key, never the tenant's nor the placeholder, and the SDK's version header
        assertThat(UPSTREAM.requests()).hasSize(2).allSatisfy(received -> {
            assertThat(received.header("x-api-key")).isEqualTo("sk-ant-server");
            assertThat(received.header("anthropic-version")).isNotBlank();
            assertThat(received.header("authorization")).isNull();
            assertThat(received.header("x-tenant-id")).isNull();
        });

        // and both calls were metered to the same usage and cost
        List<UsageRecord> completions = List.of(
                spool.await(r -> r.kind() == RecordKind.COMPLETION && !r.stream(), Duration.ofSeconds(5)),
                spool.await(r -> r.kind() == RecordKind.COMPLETION && r.stream(), Duration.ofSeconds(5)));
        for (UsageRecord completion : completions) {
            assertThat(completion.tenantId()).isEqualTo("borealis-health");
            assertThat(completion.provider()).isEqualTo("anthropic");
            assertThat(completion.usage()).isEqualTo(new TokenUsage(25_850, 24_000, 0, 0, 640, 410));
            assertThat(completion.cost().amountUsd()).isEqualByComparingTo("0.02235");
        }
    }
}
