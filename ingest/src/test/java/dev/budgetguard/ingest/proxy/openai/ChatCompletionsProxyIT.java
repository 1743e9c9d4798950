package dev.budgetguard.ingest.proxy.openai;

import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.ACME;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.ACME_KEY;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.BOREALIS;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.BOREALIS_KEY;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.SERVER_KEY;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.as;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.post;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.requestId;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.PlannedReply;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.ReceivedRequest;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.Usage;
import dev.budgetguard.ingest.testing.OpenAiWire;
import dev.budgetguard.ingest.testing.SpoolContents;
import dev.budgetguard.schemas.usage.CostStatus;
import dev.budgetguard.schemas.usage.RecordKind;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The proxy end to end: official OpenAI client and raw HTTP in front, a fake OpenAI behind, the spool read back. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:proxy-it;DB_CLOSE_DELAY=-1",
            "budgetguard.providers.openai.api-key=" + SERVER_KEY,
            "budgetguard.providers.openai.response-timeout=1s",
            "budgetguard.proxy.event-loop-threads=2",
            "budgetguard.proxy.max-body-size=64KB"
        })
@Import(ProxyTestSupport.Tenants.class)
@DirtiesContext
class ChatCompletionsProxyIT {

    static final FakeOpenAiUpstream UPSTREAM = FakeOpenAiUpstream.start();
    static final Usage USAGE_1200_300 = new Usage(1200, 300, 0, 0);
    static final BigDecimal COST_1200_300_GPT_4O = new BigDecimal("0.006000");

    @TempDir
    static Path spoolDir;

    @LocalServerPort
    int port;

    SpoolContents spool;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("budgetguard.providers.openai.base-url", UPSTREAM::baseUrl);
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

    @Test
    void officialClientIsMeteredPerTenantStreamedOrNot() {
        // given four calls, each reporting 1200 prompt and 300 completion tokens on gpt-4o
        for (int i = 0; i < 4; i++) {
            UPSTREAM.plan(PlannedReply.ok(USAGE_1200_300));
        }
        ChatCompletionCreateParams plain = ChatCompletionCreateParams.builder()
                .model("gpt-4o")
                .addUserMessage("Summarize the contract.")
                .build();
        ChatCompletionCreateParams streamed = plain.toBuilder()
                .streamOptions(
                        ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();

        for (String[] tenant : new String[][] {{ACME, ACME_KEY}, {BOREALIS, BOREALIS_KEY}}) {
            OpenAIClient client = client(tenant[0], tenant[1]);

            // when
            ChatCompletion completion = client.chat().completions().create(plain);
            List<ChatCompletionChunk> chunks;
            try (StreamResponse<ChatCompletionChunk> stream =
                    client.chat().completions().createStreaming(streamed)) {
                chunks = stream.stream().toList();
            }

            // then the client got the provider's answer
            assertThat(completion.choices().get(0).message().content()).contains("Hello there!");
            assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(1200);
            assertThat(chunks.get(chunks.size() - 1).usage().orElseThrow().completionTokens())
                    .isEqualTo(300);

            // and the spool has one priced completion per call
            for (boolean stream : new boolean[] {false, true}) {
                UsageRecord record = spool.await(
                        r -> r.kind() == RecordKind.COMPLETION
                                && r.tenantId().equals(tenant[0])
                                && r.stream() == stream,
                        Duration.ofSeconds(5));
                assertThat(record.status()).isEqualTo(UsageStatus.OK);
                assertThat(record.httpStatus()).isEqualTo(200);
                assertThat(record.model()).isEqualTo("gpt-4o");
                assertThat(record.provider()).isEqualTo("openai");
                assertThat(record.route()).isEqualTo("/v1/chat/completions");
                assertThat(record.usage()).isEqualTo(TokenUsage.of(1200, 300));
                assertThat(record.cost().status()).isEqualTo(CostStatus.PRICED);
                assertThat(record.cost().amountUsd()).isEqualByComparingTo(COST_1200_300_GPT_4O);
                assertThat(record.cost().priceVersion()).startsWith("gpt-4o@");
                assertThat(record.upstreamLatencyMicros()).isPositive();
                assertThat(spool.ofRequest(record.requestId()))
                        .extracting(UsageRecord::kind)
                        .contains(RecordKind.ADMISSION);
            }
        }

        // and upstream saw the server's key only, never the tenant credentials or the client's key
        List<ReceivedRequest> received = UPSTREAM.requests();
        assertThat(received).hasSize(4);
        assertThat(received).allSatisfy(r -> {
            assertThat(r.uri()).isEqualTo("/v1/chat/completions");
            assertThat(r.header("authorization")).isEqualTo("Bearer " + SERVER_KEY);
            assertThat(r.header("x-api-key")).isNull();
            assertThat(r.header("x-tenant-id")).isNull();
            assertThat(r.header("x-stainless-lang")).isEqualTo("java");
            assertThat(r.body()).doesNotContain(ACME_KEY, BOREALIS_KEY, "sk-client-unused");
        });
    }

    @Test
    void streamWithoutUsageRequestedLooksExactlyLikeTheDirectStreamButIsMetered() throws Exception {
        // given
        PlannedReply reply = PlannedReply.ok(USAGE_1200_300).withContent(List.of("Bonjour", ", ", "le monde"));
        UPSTREAM.plan(reply);
        String body = "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        // when
        HttpResponse<String> response = post(port, as(ACME, ACME_KEY), body);

        // then the client got byte for byte what upstream sends when usage is not asked for
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(OpenAiWire.stream("gpt-4o", reply, false));
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
        assertThat(response.headers().firstValue("x-request-id")).hasValue("req_fake");
        assertThat(response.headers().firstValue("x-internal-trace")).isEmpty();
        // while upstream was asked for usage
        assertThat(UPSTREAM.requests().get(0).body())
                .isEqualTo("{\"stream_options\":{\"include_usage\":true}," + body.substring(1));
        // and the record carries it
        UsageRecord completion = spool.await(requestId(response), RecordKind.COMPLETION);
        assertThat(completion.status()).isEqualTo(UsageStatus.OK);
        assertThat(completion.usage()).isEqualTo(TokenUsage.of(1200, 300));
        assertThat(completion.cost().amountUsd()).isEqualByComparingTo(COST_1200_300_GPT_4O);
    }

    @Test
    void nonStreamAnswerHasContentLengthAndPassesThrough() throws Exception {
        // given
        PlannedReply reply = PlannedReply.ok(new Usage(2000, 100, 1024, 0));
        UPSTREAM.plan(reply);

        // when
        HttpResponse<String> response =
                post(port, as(BOREALIS, BOREALIS_KEY), "{\"model\":\"gpt-4o\",\"messages\":[]}");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(OpenAiWire.completion("gpt-4o", reply));
        assertThat(response.headers().firstValue("content-length"))
                .hasValue(Integer.toString(response.body().length()));
        assertThat(response.headers().firstValue("transfer-encoding")).isEmpty();
        assertThat(response.headers().firstValue("openai-processing-ms")).hasValue("7");
        assertThat(response.headers().firstValue("x-ratelimit-remaining-requests"))
                .hasValue("9999");
        UsageRecord completion = spool.await(requestId(response), RecordKind.COMPLETION);
        // 976 uncached x 2.50 + 1024 cached x 1.25 + 100 x 10.00 per 1M
        assertThat(completion.usage()).isEqualTo(new TokenUsage(2000, 1024, 0, 0, 100, 0));
        assertThat(completion.cost().amountUsd()).isEqualByComparingTo("0.00472");
    }

    @Test
    void answersWithoutUsageOrPriceAreServedAndMarked() throws Exception {
        // given
        UPSTREAM.plan(PlannedReply.ok(null));
        UPSTREAM.plan(PlannedReply.ok(new Usage(10, 5, 0, 0)));

        // when
        HttpResponse<String> noUsage = post(port, as(ACME, ACME_KEY), "{\"model\":\"gpt-4o\"}");
        HttpResponse<String> unpriced = post(port, as(ACME, ACME_KEY), "{\"model\":\"house-model-7\"}");

        // then
        assertThat(noUsage.statusCode()).isEqualTo(200);
        UsageRecord missing = spool.await(requestId(noUsage), RecordKind.COMPLETION);
        assertThat(missing.status()).isEqualTo(UsageStatus.USAGE_MISSING);
        // the admission's estimate: no prompt, gpt-4o's 16384 output tokens at $10.00 per 1M
        assertThat(missing.cost().status()).isEqualTo(CostStatus.ESTIMATED);
        assertThat(missing.cost().amountUsd()).isEqualByComparingTo("0.16384");
        assertThat(spool.await(requestId(noUsage), RecordKind.ADMISSION).cost()).isEqualTo(missing.cost());
        assertThat(unpriced.statusCode()).isEqualTo(200);
        UsageRecord notPriced = spool.await(requestId(unpriced), RecordKind.COMPLETION);
        assertThat(notPriced.status()).isEqualTo(UsageStatus.OK);
        assertThat(notPriced.usage()).isEqualTo(TokenUsage.of(10, 5));
        assertThat(notPriced.cost().status()).isEqualTo(CostStatus.UNPRICED);
    }

    @Test
    void metricsCountOutcomesAndShowTheSpool() throws Exception {
        // given one served call
        post(port, as(ACME, ACME_KEY), "{\"model\":\"gpt-4o\"}");

        // when
        HttpResponse<String> scrape = ProxyTestSupport.get(port, "/actuator/prometheus");

        // then
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("budgetguard_proxy_requests_total{outcome=\"ok\"}")
                .contains("budgetguard_proxy_requests_total{outcome=\"spool_full\"} 0.0")
                .contains("budgetguard_spool_queue_depth")
                .contains("budgetguard_spool_records_appended_total");
    }

    private OpenAIClient client(String tenant, String key) {
        return OpenAIOkHttpClient.builder()
                .baseUrl("http://127.0.0.1:" + port + "/v1")
                .apiKey("sk-client-unused")
                .putHeader("X-Tenant-Id", tenant)
                .putHeader("X-API-Key", key)
                .maxRetries(0)
                .build();
    }
}
