package dev.budgetguard.ingest.proxy.openai;

import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.ACME;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.ACME_KEY;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.SERVER_KEY;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.as;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.requestId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.admission.PromptSize;
import dev.budgetguard.ingest.admission.SpendLedger;
import dev.budgetguard.ingest.proxy.ErrorShape;
import dev.budgetguard.ingest.proxy.MeteredCall;
import dev.budgetguard.ingest.proxy.MeteredRequest;
import dev.budgetguard.ingest.proxy.MeteredRoute;
import dev.budgetguard.ingest.proxy.ProviderEndpoint;
import dev.budgetguard.ingest.proxy.ProxyError;
import dev.budgetguard.ingest.proxy.StreamInspector;
import dev.budgetguard.ingest.proxy.Upstream;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.PlannedReply;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.Usage;
import dev.budgetguard.ingest.testing.SpoolContents;
import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetPeriod;
import dev.budgetguard.schemas.usage.RecordKind;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pipeline is the same for every provider: a second {@link MeteredRoute} bean, on a Gemini-style path template (under /v1test, apart from the real Gemini routes)
 * with the model in the path, is served next to chat completions, gets its path and query, and answers the proxy's
 * own refusals in its own error shape.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:routes-it;DB_CLOSE_DELAY=-1",
            "budgetguard.providers.openai.api-key=" + SERVER_KEY,
            "budgetguard.proxy.event-loop-threads=2"
        })
@Import({ProxyTestSupport.Tenants.class, MeteredRoutesIT.SecondRoute.class})
@DirtiesContext
class MeteredRoutesIT {

    static final FakeOpenAiUpstream UPSTREAM = FakeOpenAiUpstream.start();
    static final AtomicReference<String> SEEN = new AtomicReference<>();
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path spoolDir;

    @LocalServerPort
    int port;

    @Autowired
    SpendLedger ledger;

    SpoolContents spool;

    /** Model from the path, usage as OpenAI's (the fake upstream speaks OpenAI), errors as {"fault": ...}. */
    static final class PathModelEndpoint implements ProviderEndpoint {
        private final ChatCompletionsEndpoint chat = new ChatCompletionsEndpoint();

        @Override
        public String provider() {
            return "pathmodel";
        }

        @Override
        public String route() {
            return "/v1test/models/{model}:generateContent";
        }

        @Override
        public List<String> paths() {
            return List.of(route(), "/v1test/models/{model}:streamGenerateContent");
        }

        @Override
        public MeteredRequest parse(String path, String query, byte[] body) {
            SEEN.set(path + "?" + query);
            String model = path.substring("/v1test/models/".length(), path.indexOf(':'));
            if (model.equals("crash")) {
                // A defect in an endpoint: what an overflowing bound used to be.
                throw new ArithmeticException("long overflow");
            }
            String forward = "{\"model\":\"" + model + "\"}";
            return new MeteredRequest(
                    model,
                    false,
                    "/chat/completions",
                    forward.getBytes(StandardCharsets.UTF_8),
                    PromptSize.ofBytes(body.length, 0),
                    100L,
                    false);
        }

        @Override
        public TokenUsage usageOfBody(byte[] body, Runnable onImplausible) {
            return chat.usageOfBody(body, onImplausible);
        }

        @Override
        public StreamInspector streamInspector(MeteredRequest request, MeteredCall call) {
            return event -> event;
        }

        @Override
        public ErrorShape errorShape() {
            return (ProxyError error) -> ("{\"fault\":{\"status\":" + error.status() + ",\"reason\":"
                            + ProxyError.jsonString(error.code()) + "}}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SecondRoute {
        @Bean
        MeteredRoute pathModelRoute(Upstream openAiUpstream) {
            return new MeteredRoute(new PathModelEndpoint(), openAiUpstream);
        }
    }

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
        ledger.removeTenant(ACME);
        spool = new SpoolContents(spoolDir).fromNowOn();
    }

    @Test
    void aSecondRouteOnAPathTemplateIsMeteredLikeTheFirst() throws Exception {
        // given
        UPSTREAM.plan(PlannedReply.ok(new Usage(1200, 300, 0, 0)));

        // when
        HttpResponse<String> response = post("/v1test/models/gpt-4o:generateContent?alt=sse", "{\"contents\":[]}");

        // then the endpoint read the model from the path and got the query, and the call was metered under its route
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SEEN.get()).isEqualTo("/v1test/models/gpt-4o:generateContent?alt=sse");
        assertThat(UPSTREAM.requests().get(0).body()).isEqualTo("{\"model\":\"gpt-4o\"}");
        UsageRecord completion = spool.await(requestId(response), RecordKind.COMPLETION);
        assertThat(completion.provider()).isEqualTo("pathmodel");
        assertThat(completion.route()).isEqualTo("/v1test/models/{model}:generateContent");
        assertThat(completion.model()).isEqualTo("gpt-4o");
        assertThat(completion.usage()).isEqualTo(TokenUsage.of(1200, 300));

        // and chat completions are still served beside it
        assertThat(post("/v1/chat/completions", "{\"model\":\"gpt-4o\"}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusalsComeInTheEndpointsOwnErrorShape() throws Exception {
        // given a spent budget
        ledger.replaceBudgets(
                ACME, List.of(new Budget("b-zero", ACME, BudgetPeriod.DAILY, BigDecimal.ZERO, ZoneId.of("UTC"))));

        // when
        HttpResponse<String> refused = post("/v1test/models/gpt-4o:streamGenerateContent", "{}");
        HttpResponse<String> anonymous = post("/v1test/models/gpt-4o:generateContent", "{}", Map.of());

        // then
        assertThat(refused.statusCode()).isEqualTo(402);
        assertThat(refused.body()).isEqualTo("{\"fault\":{\"status\":402,\"reason\":\"budget_exceeded\"}}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"fault\":{\"status\":401,\"reason\":\"invalid_api_key\"}}");
        assertThat(UPSTREAM.requests()).isEmpty();
    }

    @Test
    void aFailureOfTheCollectorItselfIsAnswered500AndStillRecorded() throws Exception {
        // when the endpoint fails unexpectedly while reading the request
        HttpResponse<String> failed = post("/v1test/models/crash:generateContent", "{}");

        // then the client gets 500 in the endpoint's shape, nothing is forwarded, and the spool has the request's line
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"fault\":{\"status\":500,\"reason\":\"internal_error\"}}");
        assertThat(UPSTREAM.requests()).isEmpty();
        UsageRecord refusal = spool.await(requestId(failed), RecordKind.REFUSAL);
        assertThat(refusal.tenantId()).isEqualTo(ACME);
        assertThat(refusal.httpStatus()).isEqualTo(500);
        assertThat(refusal.errorCode()).isEqualTo("internal_error");
        assertThat(spool.ofRequest(requestId(failed))).hasSize(1);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, as(ACME, ACME_KEY));
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
