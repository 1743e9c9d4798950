package dev.budgetguard.ingest.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.tenant.TenantAuthenticator;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.ReceivedRequest;
import dev.budgetguard.ingest.testing.FixedTenants;
import dev.budgetguard.ingest.testing.GoldenReplies;
import dev.budgetguard.ingest.testing.GoldenUpstream;
import dev.budgetguard.ingest.testing.SpoolContents;
import dev.budgetguard.schemas.usage.CostStatus;
import dev.budgetguard.schemas.usage.RecordKind;
import dev.budgetguard.schemas.usage.ServiceTier;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
 * Every provider route end to end, streamed and not: raw HTTP in front, golden replies behind, the spool read back.
 * The client gets the upstream's bytes unchanged; the spool's completion has the normalized usage and its cost.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:provider-routes-it;DB_CLOSE_DELAY=-1",
            "budgetguard.providers.openai.api-key=sk-openai-server",
            "budgetguard.providers.anthropic.api-key=sk-ant-server",
            "budgetguard.providers.gemini.api-key=AIza-server",
            "budgetguard.proxy.event-loop-threads=2"
        })
@Import(ProviderRoutesIT.Tenants.class)
@DirtiesContext
class ProviderRoutesIT {

    static final String TENANT = "acme";
    static final String KEY = "bg-acme-0123456789";
    static final GoldenUpstream UPSTREAM = GoldenUpstream.start()
            .serve("/responses", "openai/responses", true)
            .serve("/completions", "openai/completions", true)
            .serve("/embeddings", "openai/embeddings", false)
            .serve("/messages", "anthropic/messages-cache-write", true)
            .serve(":generateContent", "gemini/generate-content", false)
            .serve(
                    ":streamGenerateContent",
                    GoldenReplies.bytes("gemini/generate-content.json"),
                    GoldenReplies.bytes("gemini/stream-generate-content.sse"));
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path spoolDir;

    @LocalServerPort
    int port;

    SpoolContents spool;

    @TestConfiguration(proxyBeanMethods = false)
    static class Tenants {
        @Bean
        @Primary
        TenantAuthenticator fixedTenants() {
            return new FixedTenants(Map.of(TENANT, KEY));
        }
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("budgetguard.providers.openai.base-url", () -> UPSTREAM.baseUrl("/v1"));
        registry.add("budgetguard.providers.anthropic.base-url", () -> UPSTREAM.baseUrl("/v1"));
        registry.add("budgetguard.providers.gemini.base-url", () -> UPSTREAM.baseUrl("/v1beta"));
        registry.add("budgetguard.spool.dir", () -> spoolDir.toString());
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.close();
    }

    @BeforeEach
    void fresh() {
        UPSTREAM.reset();
        spool = new SpoolContents(spoolDir).fromNowOn();
    }

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of(
                        "/v1/responses",
                        "{\"model\":\"o4-mini\",\"input\":\"What does net 30 mean?\"%s}",
                        "openai/responses",
                        ",\"stream\":true",
                        new TokenUsage(100, 0, 0, 0, 1000, 800),
                        "0.004510",
                        "default"),
                Arguments.of(
                        "/v1/completions",
                        "{\"model\":\"gpt-4o-mini\",\"prompt\":\"Write a reply\",\"max_tokens\":64%s}",
                        "openai/completions",
                        ",\"stream\":true,\"stream_options\":{\"include_usage\":true}",
                        TokenUsage.of(12, 14),
                        "0.0000102",
                        null),
                Arguments.of(
                        "/v1/messages",
                        "{\"model\":\"claude-sonnet-4-5-20250929\",\"max_tokens\":1024,"
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"Which clause?\"}]%s}",
                        "anthropic/messages-cache-write",
                        ",\"stream\":true",
                        new TokenUsage(10_100, 0, 0, 10_000, 50, 0),
                        "0.061050",
                        "standard"));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void aRouteRelaysTheProvidersBytesAndMetersTheSameRecordStreamedOrNot(
            String route, String request, String fixture, String streamed, TokenUsage usage, String cost, String tier)
            throws Exception {
        // when
        HttpResponse<byte[]> whole = post(route, request.formatted(""));
        HttpResponse<byte[]> stream = post(route, request.formatted(streamed));

        // then the client got the upstream's bytes unchanged
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(GoldenReplies.bytes(fixture + ".json"));
        assertThat(stream.body()).isEqualTo(GoldenReplies.bytes(fixture + ".sse"));

        // and both completions have the normalized usage and its cost
        UsageRecord plain = completion(whole);
        UsageRecord relayed = completion(stream);
        assertThat(plain.usage()).isEqualTo(usage);
        assertThat(plain.cost().amountUsd()).isEqualByComparingTo(cost);
        assertThat(plain.serviceTier()).isEqualTo(ServiceTier.reported(tier, false));
        assertThat(plain.route()).isEqualTo(route);
        GoldenReplies.assertSameMetering(relayed, plain);
    }

    @Test
    void embeddingsAreMeteredWithoutOutput() throws Exception {
        // when
        HttpResponse<byte[]> answer =
                post("/v1/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":\"The quick brown fox\"}");

        // then
        assertThat(answer.body()).isEqualTo(GoldenReplies.bytes("openai/embeddings.json"));
        UsageRecord completion = completion(answer);
        assertThat(completion.usage()).isEqualTo(TokenUsage.of(8, 0));
        assertThat(completion.status()).isEqualTo(UsageStatus.OK);
    }

    @Test
    void geminiModelAndStreamComeFromThePathAndTheClientsKeyIsDropped() throws Exception {
        // given
        String ask = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Plan restocks.\"}]}]}";

        // when
        HttpResponse<byte[]> whole = post("/v1beta/models/gemini-2.5-pro:generateContent?key=AIza-client", ask);
        HttpResponse<byte[]> streamed =
                post("/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse&key=AIza-client", ask);

        // then the bytes are Google's, the record is the model's, the long-context tier priced it
        assertThat(whole.body()).isEqualTo(GoldenReplies.bytes("gemini/generate-content.json"));
        assertThat(streamed.body()).isEqualTo(GoldenReplies.bytes("gemini/stream-generate-content.sse"));
        UsageRecord plain = completion(whole);
        UsageRecord stream = completion(streamed);
        assertThat(plain.provider()).isEqualTo("google");
        assertThat(plain.model()).isEqualTo("gemini-2.5-pro");
        assertThat(plain.usage()).isEqualTo(new TokenUsage(240_000, 180_000, 0, 0, 9_000, 5_800));
        assertThat(plain.cost().amountUsd()).isEqualByComparingTo("0.33");
        assertThat(stream.usage()).isEqualTo(plain.usage());
        assertThat(stream.cost()).isEqualTo(plain.cost());

        // and upstream got the server's key in its header, never the client's, nor the tenant's credentials
        for (ReceivedRequest received : UPSTREAM.requests()) {
            assertThat(received.uri()).doesNotContain("key=").startsWith("/v1beta/models/gemini-2.5-pro:");
            assertThat(received.header("x-goog-api-key")).isEqualTo("AIza-server");
            assertThat(received.header("x-api-key")).isNull();
            assertThat(received.header("x-tenant-id")).isNull();
        }
        assertThat(UPSTREAM.requests().get(1).uri()).endsWith(":streamGenerateContent?alt=sse");
    }

    @Test
    void anthropicGetsTheServersKeyAndTheVersionHeaderAndClientsNeverSeeTheOperatorsAccount() throws Exception {
        // when the tenant's BudgetGuard key comes as x-api-key, as the Anthropic SDK sends its api key
        HttpResponse<byte[]> answer = post(
                "/v1/messages",
                "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":16,\"messages\":[]}",
                Map.of("anthropic-version", "2023-06-01", "anthropic-beta", "prompt-caching-2024-07-31"));

        // then
        ReceivedRequest received = UPSTREAM.requests().get(0);
        assertThat(received.header("x-api-key")).isEqualTo("sk-ant-server");
        assertThat(received.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(received.header("anthropic-beta")).isEqualTo("prompt-caching-2024-07-31");
        assertThat(received.header("x-tenant-id")).isNull();
        assertThat(received.header("authorization")).isNull();
        assertThat(answer.headers().firstValue("request-id")).contains("req_golden_0001");
        assertThat(answer.headers().firstValue("anthropic-ratelimit-requests-remaining"))
                .contains("999");
        assertThat(answer.headers().firstValue("anthropic-organization-id")).isEmpty();
        assertThat(answer.headers().firstValue("x-internal-trace")).isEmpty();
    }

    @Test
    void theProxysOwnErrorsComeInEachProvidersShape() throws Exception {
        // when
        HttpResponse<byte[]> anthropic = HTTP.send(
                HttpRequest.newBuilder(uri("/v1/messages"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gemini = post("/v1beta/models/gemini-2.5-pro:streamGenerateContent", "{\"contents\":[]}");

        // then
        assertThat(anthropic.statusCode()).isEqualTo(401);
        assertThat(new String(anthropic.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                        + "\"message\":\"Missing X-Tenant-Id or X-API-Key header.\"}}");
        assertThat(gemini.statusCode()).isEqualTo(400);
        assertThat(new String(gemini.body(), StandardCharsets.UTF_8))
                .startsWith("{\"error\":{\"code\":400,\"message\":\"streamGenerateContent is relayed only as")
                .endsWith("\"status\":\"INVALID_ARGUMENT\"}}");
        assertThat(UPSTREAM.requests()).isEmpty();
        UsageRecord refusal = spool.await(
                r -> r.kind() == RecordKind.REFUSAL && "unsupported_stream_format".equals(r.errorCode()),
                Duration.ofSeconds(5));
        assertThat(refusal.provider()).isEqualTo("google");
    }

    @Test
    void anAnswerWithoutUsageIsRecordedAsUsageMissingAtTheReservationsEstimate() throws Exception {
        // given an Anthropic answer that reports no usage
        UPSTREAM.serve(
                "/messages",
                "{\"id\":\"msg_1\",\"type\":\"message\",\"content\":[]}".getBytes(StandardCharsets.UTF_8),
                GoldenReplies.bytes("anthropic/messages-cache-write.sse"));
        try {
            // when the same request is sent with max_tokens 100 and 200
            UsageRecord bound100 = completion(
                    post("/v1/messages", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[]}"));
            UsageRecord bound200 = completion(
                    post("/v1/messages", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":200,\"messages\":[]}"));

            // then each carries its reservation's estimate, and the estimates differ by exactly 100 output tokens at
            // $15/M: the route fed the request's own max_tokens to the estimate
            for (UsageRecord completion : List.of(bound100, bound200)) {
                assertThat(completion.status()).isEqualTo(UsageStatus.USAGE_MISSING);
                assertThat(completion.cost().status()).isEqualTo(CostStatus.ESTIMATED);
                assertThat(completion.cost().amountUsd()).isPositive();
            }
            assertThat(bound200.cost().amountUsd().subtract(bound100.cost().amountUsd()))
                    .isEqualByComparingTo("0.0015");
        } finally {
            UPSTREAM.serve("/messages", "anthropic/messages-cache-write", true);
        }
    }

    private UsageRecord completion(HttpResponse<?> answer) {
        String id = answer.headers()
                .firstValue(MeteredRouteHandler.REQUEST_ID_HEADER)
                .orElseThrow(() -> new AssertionError("no request id header"));
        return spool.await(id, RecordKind.COMPLETION);
    }

    private HttpResponse<byte[]> post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, Map.of());
    }

    private HttpResponse<byte[]> post(String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("X-Tenant-Id", TENANT)
                .header("X-API-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
