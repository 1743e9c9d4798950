package dev.budgetguard.ingest.proxy.openai;

import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.ACME;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.ACME_KEY;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.SERVER_KEY;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.as;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.post;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.requestId;
import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.budgetguard.ingest.admission.BudgetUsage;
import dev.budgetguard.ingest.admission.SpendBaseline;
import dev.budgetguard.ingest.admission.SpendLedger;
import dev.budgetguard.ingest.ratelimit.RateLimit;
import dev.budgetguard.ingest.ratelimit.RateLimiter;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.PlannedReply;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.Usage;
import dev.budgetguard.ingest.testing.MutableClock;
import dev.budgetguard.ingest.testing.SpoolContents;
import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetPeriod;
import dev.budgetguard.schemas.pricing.BundledPrices;
import dev.budgetguard.schemas.pricing.InMemoryPriceBook;
import dev.budgetguard.schemas.pricing.ModelPrice;
import dev.budgetguard.schemas.pricing.PriceBook;
import dev.budgetguard.schemas.usage.CostStatus;
import dev.budgetguard.schemas.usage.RecordKind;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
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
 * Caps through the real HTTP proxy with a fake OpenAI behind it: reservations against budgets, rate limits, and
 * idempotent repeats, with the values. The test model {@code bg-test} costs $0 per 1M input tokens and $100
 * per 1M output tokens, so an estimate is {@code max_tokens} x $0.0001 exactly ($0.40 for 4000) and an actual cost
 * {@code completion_tokens} x $0.0001. After every scenario no reservation may be left open.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:caps-it;DB_CLOSE_DELAY=-1",
            "budgetguard.providers.openai.api-key=" + SERVER_KEY,
            "budgetguard.proxy.event-loop-threads=2"
        })
@Import({ProxyTestSupport.Tenants.class, AdmissionCapsIT.Wiring.class})
@DirtiesContext
class AdmissionCapsIT {

    static final FakeOpenAiUpstream UPSTREAM = FakeOpenAiUpstream.start();
    static final Instant NOON = Instant.parse("2026-08-20T12:00:00Z");
    static final MutableClock CLOCK = new MutableClock(NOON);
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path spoolDir;

    @LocalServerPort
    int port;

    @Autowired
    SpendLedger ledger;

    @Autowired
    RateLimiter limiter;

    SpoolContents spool;
    final List<String> budgetsUsed = new ArrayList<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        MutableClock clock() {
            return CLOCK;
        }

        @Bean
        @Primary
        PriceBook testPrices() {
            List<ModelPrice> prices = new ArrayList<>(BundledPrices.load());
            prices.add(new ModelPrice(
                    "bg-test",
                    "openai",
                    LocalDate.of(2026, 1, 1),
                    null,
                    BigDecimal.ZERO,
                    null,
                    null,
                    null,
                    new BigDecimal("100"),
                    8000));
            // A GPT-4o family id (so o200k_base counts it) at $1 per 1M input tokens and nothing for output.
            prices.add(new ModelPrice(
                    "gpt-4o-bgtest",
                    "openai",
                    LocalDate.of(2026, 1, 1),
                    null,
                    BigDecimal.ONE,
                    null,
                    null,
                    null,
                    BigDecimal.ZERO,
                    8000));
            return new InMemoryPriceBook(prices);
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
        UPSTREAM.defaultReply(PlannedReply.ok(new Usage(10, 1000, 0, 0)));
        CLOCK.set(NOON);
        spool = new SpoolContents(spoolDir).fromNowOn();
    }

    @AfterEach
    void noReservationOutlivesItsRequest() throws InterruptedException {
        try {
            for (String budgetId : budgetsUsed) {
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (usage(budgetId).reservedUsd().signum() != 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(usage(budgetId).reservedUsd())
                        .as("reserved on " + budgetId)
                        .isEqualByComparingTo("0");
            }
        } finally {
            ledger.removeTenant(ACME);
            limiter.removeTenant(ACME);
        }
    }

    @Test
    void tenRequestsAtOnceForTheLastSixtyCentsAdmitExactlyOne() throws Exception {
        // given cap $1.00 with $0.40 spent, and ten requests each estimated at $0.40 (4000 tokens x $0.0001)
        budget("b-one-of-ten", "1.00", "0.40");
        UPSTREAM.defaultReply(PlannedReply.ok(new Usage(10, 2500, 0, 0)).withDelay(Duration.ofMillis(300)));

        // when they are released together
        List<HttpResponse<String>> responses = all(10, i -> chat(4000, false));

        // then exactly one went upstream, and it settled at its actual $0.25
        assertThat(responses.stream().filter(r -> r.statusCode() == 200)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.statusCode() == 402)).hasSize(9);
        assertThat(UPSTREAM.requests()).hasSize(1);
        HttpResponse<String> served = responses.stream()
                .filter(r -> r.statusCode() == 200)
                .findFirst()
                .orElseThrow();
        UsageRecord completion = spool.await(requestId(served), RecordKind.COMPLETION);
        assertThat(completion.cost().amountUsd()).isEqualByComparingTo("0.25");
        awaitSettled("b-one-of-ten");
        assertThat(usage("b-one-of-ten").spentUsd()).isEqualByComparingTo("0.65");

        // and a call that fails upstream releases its reservation
        UPSTREAM.plan(PlannedReply.error(500, "{\"error\":{\"message\":\"boom\"}}", Map.of()));
        HttpResponse<String> failed = post(port, as(ACME, ACME_KEY), chatBody(3000, false));
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(spool.await(requestId(failed), RecordKind.COMPLETION).status())
                .isEqualTo(UsageStatus.UPSTREAM_ERROR);
        awaitSettled("b-one-of-ten");
        assertThat(usage("b-one-of-ten").spentUsd()).isEqualByComparingTo("0.65");
    }

    @Test
    void aThousandConcurrentRequestsNeverSpendPastTheLastFiveDollars() throws Exception {
        // given $95.00 of a $100.00 cap spent, and 1,000 requests of max_tokens 1000 ($0.10) each costing all of it
        budget("b-thousand", "100.00", "95.00");

        // when they race
        List<HttpResponse<String>> responses = all(1000, i -> chat(1000, false));

        // then exactly $5.00 worth went through: 50 admitted, the rest refused before anything was forwarded
        long served = responses.stream().filter(r -> r.statusCode() == 200).count();
        long refused = responses.stream().filter(r -> r.statusCode() == 402).count();
        assertThat(served).isEqualTo(50);
        assertThat(refused).isEqualTo(950);
        assertThat(UPSTREAM.requests()).hasSize(50);
        BigDecimal actual = BigDecimal.ZERO;
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() == 200) {
                actual = actual.add(spool.await(requestId(response), RecordKind.COMPLETION)
                        .cost()
                        .amountUsd());
            }
        }
        assertThat(actual).isLessThanOrEqualTo(new BigDecimal("5.00"));
        assertThat(actual).isEqualByComparingTo("5.00");
        awaitSettled("b-thousand");
        assertThat(usage("b-thousand").spentUsd()).isEqualByComparingTo("100.00");
    }

    @Test
    void threeDimesFitThirtyCentsAndTheFourthIsRefused() throws Exception {
        // given a $0.30 budget and requests of $0.10 each, estimated and actual
        budget("b-three", "0.30", "0");

        // when
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 4; i++) {
            last = post(port, as(ACME, ACME_KEY), chatBody(1000, false));
            statuses.add(last.statusCode());
            awaitSettled("b-three");
        }

        // then three admitted, the fourth refused with what remains, exactly, and nothing forwarded for it
        assertThat(statuses).containsExactly(200, 200, 200, 402);
        assertThat(UPSTREAM.requests()).hasSize(3);
        assertThat(usage("b-three").spentUsd()).isEqualByComparingTo("0.30");
        assertThat(last.body())
                .contains("\"type\":\"budget_exceeded\"")
                .contains("\"code\":\"budget_exceeded\"")
                .contains("Budget b-three (daily, 2026-08-20T00:00:00Z to 2026-08-21T00:00:00Z) has $0.00 of $0.30"
                        + " remaining; this request's worst-case cost is $0.10.");
        UsageRecord refusal = spool.await(requestId(last), RecordKind.REFUSAL);
        assertThat(refusal.status()).isEqualTo(UsageStatus.REJECTED);
        assertThat(refusal.httpStatus()).isEqualTo(402);
        assertThat(refusal.errorCode()).isEqualTo("budget_exceeded");
        assertThat(refusal.model()).isEqualTo("bg-test");
        assertThat(spool.ofRequest(requestId(last))).hasSize(1);
    }

    @Test
    void twoRequestsPerMinuteSlideOverTheMinuteEdge() throws Exception {
        // given a limit of 2 requests per minute
        limiter.setLimit(ACME, new RateLimit(2, 0));
        budget("b-rate", "100.00", "0");

        // when / then
        assertThat(at("2026-08-20T12:00:59.900Z").statusCode()).isEqualTo(200);
        assertThat(at("2026-08-20T12:00:59.950Z").statusCode()).isEqualTo(200);
        HttpResponse<String> third = at("2026-08-20T12:01:00.010Z");
        HttpResponse<String> fourth = at("2026-08-20T12:01:00.050Z");
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("retry-after")).hasValue("60");
        assertThat(third.body()).contains("\"type\":\"rate_limit_exceeded\"").contains("2 requests per minute");
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("retry-after")).hasValue("60");
        assertThat(at("2026-08-20T12:02:00.000Z").statusCode()).isEqualTo(200);

        // and the refused ones were neither forwarded nor charged: three served at $0.10
        assertThat(UPSTREAM.requests()).hasSize(3);
        UsageRecord refusal = spool.await(requestId(third), RecordKind.REFUSAL);
        assertThat(refusal.errorCode()).isEqualTo("rate_limit_exceeded");
        awaitSettled("b-rate");
        assertThat(usage("b-rate").spentUsd()).isEqualByComparingTo("0.30");
    }

    @Test
    void theSameIdempotencyKeyTwoSecondsApartIsForwardedAndBilledOnce() throws Exception {
        // given
        budget("b-idem", "10.00", "0");
        Map<String, String> headers = new HashMap<>(as(ACME, ACME_KEY));
        headers.put("Idempotency-Key", "order-42");

        for (boolean stream : new boolean[] {false, true}) {
            headers.put("Idempotency-Key", "order-42-" + stream);
            UPSTREAM.reset();

            // when the same request is sent twice, 2 s apart
            HttpResponse<String> first = post(port, headers, chatBody(1000, stream));
            awaitSettled("b-idem");
            BigDecimal spentAfterFirst = usage("b-idem").spentUsd();
            CLOCK.advance(Duration.ofSeconds(2));
            HttpResponse<String> second = post(port, headers, chatBody(1000, stream));

            // then upstream was called once, the repeat got the very same answer, and spend went up once
            assertThat(UPSTREAM.requests()).hasSize(1);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(second.headers().firstValue("content-type"))
                    .isEqualTo(first.headers().firstValue("content-type"));
            assertThat(second.headers().firstValue("idempotent-replayed")).hasValue("true");
            awaitSettled("b-idem");
            assertThat(usage("b-idem").spentUsd()).isEqualByComparingTo(spentAfterFirst);
            UsageRecord replay = spool.await(requestId(second), RecordKind.REFUSAL);
            assertThat(replay.errorCode()).isEqualTo("idempotent_replay");
            assertThat(replay.httpStatus()).isEqualTo(200);
            assertThat(replay.cost().status()).isEqualTo(CostStatus.NONE);
        }
        assertThat(usage("b-idem").spentUsd()).isEqualByComparingTo("0.20");
    }

    @Test
    void aRepeatWhileTheFirstIsInFlightGets409() throws Exception {
        // given a first request that takes a while upstream
        budget("b-inflight", "10.00", "0");
        UPSTREAM.plan(PlannedReply.ok(new Usage(10, 1000, 0, 0)).withDelay(Duration.ofMillis(500)));
        Map<String, String> headers = new HashMap<>(as(ACME, ACME_KEY));
        headers.put("Idempotency-Key", "slow-1");
        CompletableFuture<HttpResponse<String>> first = send(headers, chatBody(1000, false));
        awaitUpstreamRequests(1);

        // when
        HttpResponse<String> second = post(port, headers, chatBody(1000, false));

        // then
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("\"code\":\"idempotency_in_flight\"");
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(UPSTREAM.requests()).hasSize(1);
    }

    @Test
    void anAnswerWithoutUsageCostsItsEstimate() throws Exception {
        // given a reply that reports no usage, for a request estimated at $0.40
        budget("b-missing", "10.00", "0");
        UPSTREAM.plan(PlannedReply.ok(null));

        // when
        HttpResponse<String> response = post(port, as(ACME, ACME_KEY), chatBody(4000, false));

        // then the completion carries the estimate, flagged estimated, and the cap counts it
        assertThat(response.statusCode()).isEqualTo(200);
        UsageRecord admission = spool.await(requestId(response), RecordKind.ADMISSION);
        UsageRecord completion = spool.await(requestId(response), RecordKind.COMPLETION);
        assertThat(admission.cost().status()).isEqualTo(CostStatus.ESTIMATED);
        assertThat(admission.cost().amountUsd()).isEqualByComparingTo("0.40");
        assertThat(completion.status()).isEqualTo(UsageStatus.USAGE_MISSING);
        assertThat(completion.cost().status()).isEqualTo(CostStatus.ESTIMATED);
        assertThat(completion.cost().amountUsd()).isEqualByComparingTo("0.40");
        awaitSettled("b-missing");
        assertThat(usage("b-missing").spentUsd()).isEqualByComparingTo("0.40");
    }

    @Test
    void aLongPromptIsCountedExactlyOffTheEventLoop() throws Exception {
        // given a 21,000-character prompt, past the 4,096 counted on the event loop
        budget("b-long", "10.00", "0");
        String text = "The quick brown fox jumps over the lazy dog. ".repeat(470);
        String body = "{\"model\":\"gpt-4o-bgtest\",\"max_tokens\":10,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
        Encoding o200k = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        long expectedTokens = o200k.countTokensOrdinary("user") + o200k.countTokensOrdinary(text) + 3 + 3;

        // when
        HttpResponse<String> response = post(port, as(ACME, ACME_KEY), body);

        // then the admission's estimate is the exact count at $1 per 1M, far below its byte bound
        assertThat(response.statusCode()).isEqualTo(200);
        UsageRecord admission = spool.await(requestId(response), RecordKind.ADMISSION);
        assertThat(admission.cost().amountUsd())
                .isEqualByComparingTo(BigDecimal.valueOf(expectedTokens).movePointLeft(6));
        assertThat(expectedTokens).isLessThan(text.length() / 3);
        awaitSettled("b-long");
    }

    private void budget(String id, String limit, String spent) {
        budgetsUsed.add(id);
        Budget budget = new Budget(id, ACME, BudgetPeriod.DAILY, new BigDecimal(limit), ZoneId.of("UTC"));
        ledger.replaceBudgets(ACME, List.of(budget));
        Instant windowStart = budget.window(CLOCK.instant()).orElseThrow().start();
        ledger.applyBaseline(SpendBaseline.atStart(ACME, id, windowStart, new BigDecimal(spent)));
    }

    private BudgetUsage usage(String budgetId) {
        return ledger.usage(ACME, budgetId, CLOCK.instant()).orElseThrow();
    }

    /** Completions are written just after the answer is sent; wait until the holds are gone. */
    private void awaitSettled(String budgetId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (usage(budgetId).reservedUsd().signum() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private void awaitUpstreamRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (UPSTREAM.requests().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private HttpResponse<String> at(String instant) throws Exception {
        CLOCK.set(Instant.parse(instant));
        HttpResponse<String> response = post(port, as(ACME, ACME_KEY), chatBody(1000, false));
        if (response.statusCode() == 200) {
            spool.await(requestId(response), RecordKind.COMPLETION);
        }
        return response;
    }

    private static String chatBody(int maxTokens, boolean stream) {
        return "{\"model\":\"bg-test\",\"max_tokens\":" + maxTokens + ",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Summarize the contract.\"}]}";
    }

    private CompletableFuture<HttpResponse<String>> chat(int maxTokens, boolean stream) {
        return send(as(ACME, ACME_KEY), chatBody(maxTokens, stream));
    }

    private CompletableFuture<HttpResponse<String>> send(Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + ChatCompletionsEndpoint.ROUTE))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<HttpResponse<String>> all(
            int count, java.util.function.IntFunction<CompletableFuture<HttpResponse<String>>> call) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(call.apply(i));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }
}
