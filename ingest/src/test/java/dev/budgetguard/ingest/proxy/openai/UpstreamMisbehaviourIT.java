package dev.budgetguard.ingest.proxy.openai;

import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.ACME;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.ACME_KEY;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.BOREALIS;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.BOREALIS_KEY;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.as;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.post;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.requestId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.PlannedReply;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.Usage;
import dev.budgetguard.ingest.testing.OpenAiWire;
import dev.budgetguard.ingest.testing.ScriptedUpstream;
import dev.budgetguard.ingest.testing.ScriptedUpstream.Reply;
import dev.budgetguard.ingest.testing.SpoolContents;
import dev.budgetguard.schemas.usage.CostStatus;
import dev.budgetguard.schemas.usage.RecordKind;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A provider that misbehaves on the wire: absurd usage, interim answers, resets, answers too large to hold. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:upstream-misbehaviour-it;DB_CLOSE_DELAY=-1",
            "budgetguard.providers.openai.response-timeout=5s",
            "budgetguard.proxy.event-loop-threads=1",
            "budgetguard.proxy.max-response-size=64KB"
        })
@Import(ProxyTestSupport.Tenants.class)
@DirtiesContext
class UpstreamMisbehaviourIT {

    static final ScriptedUpstream UPSTREAM = ScriptedUpstream.start();
    static final Pattern REQUEST_ID = Pattern.compile("(?i)x-budgetguard-request-id: ([0-9a-f-]{36})");
    static final String CHAT = "{\"model\":\"gpt-4o\"}";
    static final String STREAM = "{\"model\":\"gpt-4o\",\"stream\":true}";
    static final String STREAM_WITH_USAGE =
            "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}";

    @TempDir
    static Path spoolDir;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    SpoolContents spool;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("budgetguard.providers.openai.base-url", UPSTREAM::baseUrl);
        registry.add("budgetguard.spool.dir", () -> spoolDir.toString());
    }

    @AfterAll
    static void stopUpstream() throws IOException {
        UPSTREAM.close();
    }

    @BeforeEach
    void fresh() {
        UPSTREAM.reset();
        spool = new SpoolContents(spoolDir).fromNowOn();
    }

    static String completion(String content, Usage usage) {
        return OpenAiWire.completion("gpt-4o", PlannedReply.ok(usage).withContent(List.of(content)));
    }

    @Test
    void absurdUsageIsUsageMissingAtTheEstimate() throws Exception {
        // given answers claiming 1e15 and 2^63-1 prompt tokens
        double before = meters.counter("budgetguard.proxy.usage.implausible").count();
        UPSTREAM.plan(Reply.json(completion("a", new Usage(1_000_000_000_000_000L, 5, 0, 0))))
                .plan(Reply.json(completion("b", new Usage(Long.MAX_VALUE, 5, 0, 0))));

        for (int i = 0; i < 2; i++) {
            // when
            HttpResponse<String> response = post(port, as(ACME, ACME_KEY), CHAT);

            // then the client gets the answer, and the ledger no price
            assertThat(response.statusCode()).isEqualTo(200);
            UsageRecord completion = spool.await(requestId(response), RecordKind.COMPLETION);
            assertThat(completion.status()).isEqualTo(UsageStatus.USAGE_MISSING);
            assertThat(completion.usage()).isEqualTo(TokenUsage.ZERO);
            // cost: the reservation's estimate (no prompt, 16384 output tokens at $10.00 per 1M), never $0
            assertThat(completion.cost().status()).isEqualTo(CostStatus.ESTIMATED);
            assertThat(completion.cost().amountUsd()).isEqualByComparingTo("0.16384");
        }
        assertThat(meters.counter("budgetguard.proxy.usage.implausible").count())
                .isEqualTo(before + 2);
    }

    @Test
    void anInterimAnswerIs502AndItsConnectionNeverServesAnotherTenant() throws Exception {
        // given a 103 followed by acme's 200 on one connection, then borealis's own answer
        String acmeAnswer = completion("for-acme", new Usage(10, 5, 0, 0));
        String borealisAnswer = completion("for-borealis", new Usage(10, 5, 0, 0));
        UPSTREAM.plan(Reply.raw("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
                        + Reply.jsonHead(acmeAnswer.length()) + acmeAnswer))
                .plan(Reply.json(borealisAnswer));

        // when
        HttpResponse<String> acme = post(port, as(ACME, ACME_KEY), CHAT);
        HttpResponse<String> borealis = post(port, as(BOREALIS, BOREALIS_KEY), CHAT);

        // then
        assertThat(acme.statusCode()).isEqualTo(502);
        assertThat(acme.body())
                .isEqualTo(
                        "{\"error\":{\"message\":\"The upstream provider sent an answer this service cannot relay.\","
                                + "\"type\":\"server_error\",\"param\":null,\"code\":\"upstream_protocol_error\"}}");
        assertThat(borealis.statusCode()).isEqualTo(200);
        assertThat(borealis.body()).isEqualTo(borealisAnswer);
        assertThat(UPSTREAM.connections()).isEqualTo(2);
        UsageRecord completion = spool.await(requestId(acme), RecordKind.COMPLETION);
        assertThat(completion.status()).isEqualTo(UsageStatus.UPSTREAM_ERROR);
        assertThat(completion.httpStatus()).isEqualTo(502);
        assertThat(completion.errorCode()).isEqualTo("upstream_protocol_error");
        assertEstimated(completion);
    }

    @Test
    void anUpstreamResetBeforeTheAnswerIs502NotAClientAbort() throws Exception {
        // given resets right after the request (twice: the client may retry a reset pooled connection once)
        UPSTREAM.plan(Reply.resetAfter("")).plan(Reply.resetAfter(""));

        // when
        HttpResponse<String> response = post(port, as(ACME, ACME_KEY), CHAT);

        // then
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("\"code\":\"upstream_unavailable\"");
        UsageRecord completion = spool.await(requestId(response), RecordKind.COMPLETION);
        assertThat(completion.status()).isEqualTo(UsageStatus.UPSTREAM_ERROR);
        assertThat(completion.errorCode()).isEqualTo("upstream_unavailable");
        // the request went out before the reset, so the provider may bill it
        assertEstimated(completion);
    }

    @Test
    void anUpstreamResetMidStreamCutsTheClientConnection() throws Exception {
        // given a stream reset after its first event
        String event = "data: {\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"choices\":[]}\n\n";
        UPSTREAM.plan(Reply.resetAfter(Reply.streamHead() + Reply.chunk(event)));

        // when
        String seen = exchange(STREAM);

        // then the client saw the event but no end of the chunked body
        assertThat(seen).startsWith("HTTP/1.1 200").contains(event).doesNotEndWith("0\r\n\r\n");
        UsageRecord completion = spool.await(requestIdIn(seen), RecordKind.COMPLETION);
        assertThat(completion.status()).isEqualTo(UsageStatus.UPSTREAM_ERROR);
        assertThat(completion.httpStatus()).isEqualTo(200);
        assertThat(completion.errorCode()).isEqualTo("upstream_interrupted");
        assertEstimated(completion);
    }

    @Test
    void aStreamCutAfterItsUsageIsPricedAtThatUsage() throws Exception {
        // given a client asking for stream usage, and a whole stream, usage chunk included, reset where its [DONE]
        // would
        // come
        List<String> events = OpenAiWire.streamEvents(
                "gpt-4o", PlannedReply.ok(new Usage(1_000, 16_000, 0, 0)).withContent(List.of("hi")), true);
        StringBuilder sent = new StringBuilder(Reply.streamHead());
        events.subList(0, events.size() - 1).forEach(event -> sent.append(Reply.chunk(event)));
        UPSTREAM.plan(Reply.resetAfter(sent.toString()));

        // when
        String seen = exchange(STREAM_WITH_USAGE);

        // then the client got the 200 and every chunk, the cut is an upstream error, and the billed tokens are priced
        assertThat(seen).startsWith("HTTP/1.1 200").contains(events.get(events.size() - 2));
        UsageRecord completion = spool.await(requestIdIn(seen), RecordKind.COMPLETION);
        assertThat(completion.status()).isEqualTo(UsageStatus.UPSTREAM_ERROR);
        assertThat(completion.httpStatus()).isEqualTo(200);
        assertThat(completion.errorCode()).isEqualTo("upstream_interrupted");
        assertThat(completion.usage().inputTokens()).isEqualTo(1_000);
        assertThat(completion.usage().outputTokens()).isEqualTo(16_000);
        // 1000 x $2.50 + 16000 x $10.00 per 1M
        assertThat(completion.cost().status()).isEqualTo(CostStatus.PRICED);
        assertThat(completion.cost().amountUsd()).isEqualByComparingTo("0.1625");
    }

    @Test
    void bodiesOverTheLimitAre502AndTheirConnectionIsNotReused() throws Exception {
        // given a 100 KB answer with a Content-Length, one chunked without, then a normal answer
        String big = completion("x".repeat(100_000), new Usage(10, 5, 0, 0));
        String small = completion("fine", new Usage(10, 5, 0, 0));
        UPSTREAM.plan(Reply.json(big))
                .plan(Reply.raw(Reply.streamHead().replace("text/event-stream", "application/json") + Reply.chunk(big)
                        + "0\r\n\r\n"))
                .plan(Reply.json(small));

        // when
        HttpResponse<String> declared = post(port, as(ACME, ACME_KEY), CHAT);
        HttpResponse<String> chunked = post(port, as(ACME, ACME_KEY), CHAT);
        HttpResponse<String> next = post(port, as(BOREALIS, BOREALIS_KEY), CHAT);

        // then
        for (HttpResponse<String> tooLarge : List.of(declared, chunked)) {
            assertThat(tooLarge.statusCode()).isEqualTo(502);
            assertThat(tooLarge.body())
                    .isEqualTo("{\"error\":{\"message\":\"The upstream provider's answer exceeds the maximum size"
                            + " this service relays.\",\"type\":\"server_error\",\"param\":null,"
                            + "\"code\":\"upstream_too_large\"}}");
            UsageRecord completion = spool.await(requestId(tooLarge), RecordKind.COMPLETION);
            assertThat(completion.status()).isEqualTo(UsageStatus.UPSTREAM_ERROR);
            assertThat(completion.errorCode()).isEqualTo("upstream_too_large");
            // the provider produced (and billed) the answer; its usage is in the part never read
            assertEstimated(completion);
        }
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo(small);
        assertThat(UPSTREAM.connections()).isEqualTo(3);
    }

    @Test
    void anSseEventOverTheLimitIs502BeforeAnythingWasSent() throws Exception {
        // given a stream whose first event never ends within 64 KB
        UPSTREAM.plan(Reply.raw(Reply.streamHead() + Reply.chunk("data: " + "y".repeat(70_000))));

        // when
        HttpResponse<String> response = post(port, as(ACME, ACME_KEY), STREAM);

        // then
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("\"code\":\"upstream_too_large\"");
        UsageRecord completion = spool.await(requestId(response), RecordKind.COMPLETION);
        assertThat(completion.status()).isEqualTo(UsageStatus.UPSTREAM_ERROR);
        assertThat(completion.errorCode()).isEqualTo("upstream_too_large");
        assertEstimated(completion);
    }

    @Test
    void headersCrossOnceAndTheOrganizationStaysHome() throws Exception {
        // given
        UPSTREAM.plan(Reply.json(completion("hi", new Usage(10, 5, 0, 0))));

        // when
        HttpResponse<String> response = post(
                port,
                java.util.Map.of(
                        "X-Tenant-Id",
                        ACME,
                        "X-API-Key",
                        ACME_KEY,
                        "User-Agent",
                        "OpenAI/Java 4.1",
                        "Accept",
                        "application/json"),
                CHAT);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("openai-organization")).isEmpty();
        assertThat(response.headers().firstValue("openai-processing-ms")).hasValue("7");
        String head = UPSTREAM.heads().get(0);
        assertThat(occurrences(head, "\r\nuser-agent:")).isEqualTo(1);
        assertThat(head).contains("\r\nuser-agent: openai/java 4.1\r\n");
        assertThat(occurrences(head, "\r\naccept:")).isEqualTo(1);
    }

    /** The cost of a call sent but without known usage: its estimate (16384 output tokens at $10.00 per 1M). */
    private static void assertEstimated(UsageRecord completion) {
        assertThat(completion.cost().status()).isEqualTo(CostStatus.ESTIMATED);
        assertThat(completion.cost().amountUsd()).isEqualByComparingTo("0.16384");
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    /** Sends one request on a raw socket and returns everything read until the proxy closed the connection. */
    private String exchange(String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "X-Tenant-Id: " + ACME + "\r\nX-API-Key: " + ACME_KEY + "\r\nContent-Length: "
                            + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    seen.write(buffer, 0, n);
                }
            } catch (IOException reset) {
                // a reset is one way to see the cut
            }
            return seen.toString(StandardCharsets.US_ASCII);
        }
    }

    private static String requestIdIn(String seen) {
        Matcher id = REQUEST_ID.matcher(seen);
        assertThat(id.find()).as("request id header in " + seen).isTrue();
        return id.group(1);
    }
}
