package dev.budgetguard.ingest.proxy.openai;

import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.ACME;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.ACME_KEY;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.as;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.post;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.requestId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.testing.FakeOpenAiUpstream;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.PlannedReply;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.Usage;
import dev.budgetguard.ingest.testing.SpoolContents;
import dev.budgetguard.schemas.usage.CostStatus;
import dev.budgetguard.schemas.usage.RecordKind;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/** What is refused, what fails upstream, and what the client abandons: each answered and recorded exactly once. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:proxy-refusals-it;DB_CLOSE_DELAY=-1",
            "budgetguard.providers.openai.api-key=" + ProxyTestSupport.SERVER_KEY,
            "budgetguard.providers.openai.response-timeout=1s",
            "budgetguard.proxy.max-body-size=64KB"
        })
@Import(ProxyTestSupport.Tenants.class)
@DirtiesContext
class ProxyRefusalsIT {

    static final FakeOpenAiUpstream UPSTREAM = FakeOpenAiUpstream.start();
    static final Pattern REQUEST_ID = Pattern.compile("(?i)x-budgetguard-request-id: ([0-9a-f-]{36})");

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
    void missingAndWrongCredentialsAre401AndNeverForwarded() throws Exception {
        // when
        HttpResponse<String> missing = post(port, Map.of(), "{\"model\":\"gpt-4o\"}");
        HttpResponse<String> wrong = post(port, as(ACME, "bg-acme-guessed"), "{\"model\":\"gpt-4o\"}");

        // then
        String expected = "{\"error\":{\"message\":\"%s\",\"type\":\"invalid_request_error\",\"param\":null,"
                + "\"code\":\"invalid_api_key\"}}";
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo(expected.formatted("Missing X-Tenant-Id or X-API-Key header."));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(expected.formatted("Incorrect tenant or API key provided."));
        assertRefused(missing, "-", 401, "invalid_api_key");
        assertRefused(wrong, ACME, 401, "invalid_api_key");
        assertThat(UPSTREAM.requests()).isEmpty();
    }

    @Test
    void claimedTenantIdsThatCannotBeTenantIdsAreRecordedAsDash() throws Exception {
        // given claims that are a formula, 7000 characters, and a well-formed id of no tenant
        String formula = "=HYPERLINK(\"http://x\")";
        String huge = "t".repeat(7000);

        // when
        HttpResponse<String> asFormula = post(port, as(formula, "bg-guess"), "{\"model\":\"gpt-4o\"}");
        HttpResponse<String> asHuge = post(port, as(huge, "bg-guess"), "{\"model\":\"gpt-4o\"}");
        HttpResponse<String> asGhost = post(port, as("ghost-tenant", "bg-guess"), "{\"model\":\"gpt-4o\"}");

        // then
        assertRefused(asFormula, "-", 401, "invalid_api_key");
        assertRefused(asHuge, "-", 401, "invalid_api_key");
        assertRefused(asGhost, "ghost-tenant", 401, "invalid_api_key");
    }

    @Test
    void badBodiesAre400AndNeverForwarded() throws Exception {
        // given a body over the 64KB limit, sent once with a Content-Length and once chunked
        byte[] big = ("{\"model\":\"gpt-4o\",\"messages\":[{\"content\":\"" + "x".repeat(70_000) + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);

        // when
        HttpResponse<String> malformed = post(port, as(ACME, ACME_KEY), "{\"model\":\"gpt-4o\",");
        HttpResponse<String> noModel = post(port, as(ACME, ACME_KEY), "{\"messages\":[]}");
        HttpResponse<String> declaredTooLarge =
                post(port, as(ACME, ACME_KEY), HttpRequest.BodyPublishers.ofByteArray(big));
        HttpResponse<String> chunkedTooLarge = post(
                port,
                as(ACME, ACME_KEY),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));

        // then
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body())
                .isEqualTo("{\"error\":{\"message\":\"The request body is not a valid JSON object.\","
                        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_json\"}}");
        assertThat(noModel.statusCode()).isEqualTo(400);
        assertThat(noModel.body())
                .isEqualTo("{\"error\":{\"message\":\"You must provide a model parameter as a string.\","
                        + "\"type\":\"invalid_request_error\",\"param\":\"model\","
                        + "\"code\":\"missing_required_parameter\"}}");
        for (HttpResponse<String> tooLarge : List.of(declaredTooLarge, chunkedTooLarge)) {
            assertThat(tooLarge.statusCode()).isEqualTo(400);
            assertThat(tooLarge.body())
                    .contains("\"code\":\"request_too_large\"")
                    .doesNotContain("Exception");
        }
        assertRefused(malformed, ACME, 400, "invalid_json");
        assertRefused(noModel, ACME, 400, "missing_required_parameter");
        assertRefused(declaredTooLarge, ACME, 400, "request_too_large");
        assertRefused(chunkedTooLarge, ACME, 400, "request_too_large");
        assertThat(UPSTREAM.requests()).isEmpty();
    }

    @Test
    void upstreamRateLimitPassesThroughAndCostsNothing() throws Exception {
        // given
        String error = "{\"error\":{\"message\":\"Rate limit reached for gpt-4o\",\"type\":\"requests\","
                + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}";
        UPSTREAM.plan(PlannedReply.error(429, error, Map.of("retry-after", "2")));

        // when
        HttpResponse<String> response = post(port, as(ACME, ACME_KEY), "{\"model\":\"gpt-4o\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).isEqualTo(error);
        assertThat(response.headers().firstValue("retry-after")).hasValue("2");
        UsageRecord completion = spool.await(requestId(response), RecordKind.COMPLETION);
        assertThat(completion.status()).isEqualTo(UsageStatus.UPSTREAM_ERROR);
        assertThat(completion.httpStatus()).isEqualTo(429);
        assertThat(completion.errorCode()).isEqualTo("upstream_http_429");
        assertThat(completion.cost().status()).isEqualTo(CostStatus.NONE);
        assertThat(completion.cost().amountUsd()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void slowUpstreamIs504AtTheEstimate() throws Exception {
        // given an upstream slower than the 1s response timeout
        UPSTREAM.plan(PlannedReply.ok(new Usage(10, 5, 0, 0)).withDelay(Duration.ofSeconds(3)));

        // when
        HttpResponse<String> response = post(port, as(ACME, ACME_KEY), "{\"model\":\"gpt-4o\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body())
                .isEqualTo("{\"error\":{\"message\":\"The upstream provider did not answer in time.\","
                        + "\"type\":\"server_error\",\"param\":null,\"code\":\"upstream_timeout\"}}");
        UsageRecord completion = spool.await(requestId(response), RecordKind.COMPLETION);
        assertThat(completion.status()).isEqualTo(UsageStatus.UPSTREAM_ERROR);
        assertThat(completion.httpStatus()).isEqualTo(504);
        assertThat(completion.errorCode()).isEqualTo("upstream_timeout");
        // sent, so possibly billed: the reservation's estimate (no prompt, 16384 output tokens at $10.00 per 1M)
        assertThat(completion.cost().status()).isEqualTo(CostStatus.ESTIMATED);
        assertThat(completion.cost().amountUsd()).isEqualByComparingTo("0.16384");
    }

    @Test
    void clientLeavingMidStreamStillGetsACompletion() throws Exception {
        // given a stream of 20 chunks, 200 ms apart
        UPSTREAM.plan(PlannedReply.ok(new Usage(50, 20, 0, 0))
                .withContent(Collections.nCopies(20, "tok"))
                .withChunkDelay(Duration.ofMillis(200)));
        String body = "{\"model\":\"gpt-4o\",\"stream\":true}";
        String requestId;

        // when the client reads the first event and hangs up
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "X-Tenant-Id: " + ACME + "\r\nX-API-Key: " + ACME_KEY + "\r\nContent-Length: "
                            + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String seen = readUntil(socket.getInputStream(), "data: ");
            Matcher id = REQUEST_ID.matcher(seen);
            assertThat(id.find()).as("request id header in " + seen).isTrue();
            requestId = id.group(1);
        }

        // then
        UsageRecord completion = spool.await(requestId, RecordKind.COMPLETION);
        assertThat(completion.status()).isEqualTo(UsageStatus.CLIENT_ABORTED);
        assertThat(completion.httpStatus()).isEqualTo(200);
        assertThat(completion.usage()).isEqualTo(TokenUsage.ZERO);
        // the tokens may have been produced all the same: the reservation's estimate, 16384 x $10.00 per 1M
        assertThat(completion.cost().status()).isEqualTo(CostStatus.ESTIMATED);
        assertThat(completion.cost().amountUsd()).isEqualByComparingTo("0.16384");
        assertThat(spool.ofRequest(requestId)).hasSize(2);
    }

    private void assertRefused(HttpResponse<String> response, String tenant, int status, String code) {
        UsageRecord refusal = spool.await(requestId(response), RecordKind.REFUSAL);
        assertThat(refusal.tenantId()).isEqualTo(tenant);
        assertThat(refusal.status()).isEqualTo(UsageStatus.REJECTED);
        assertThat(refusal.httpStatus()).isEqualTo(status);
        assertThat(refusal.errorCode()).isEqualTo(code);
        assertThat(refusal.cost().amountUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(spool.ofRequest(refusal.requestId())).hasSize(1);
    }

    private static String readUntil(InputStream in, String marker) throws Exception {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[1024];
        while (seen.indexOf(marker) < 0) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            seen.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
        }
        return seen.toString();
    }
}
