package dev.budgetguard.ingest.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.admission.SpendLedger;
import dev.budgetguard.ingest.tenant.TenantAuthenticator;
import dev.budgetguard.ingest.testing.FixedTenants;
import dev.budgetguard.ingest.testing.GoldenUpstream;
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
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Ways past the hard caps, closed, through the real proxy with golden replies behind it: a model without a price, an
 * output bound that overflows, choices and stored input the estimate did not count, and an idempotency key replayed
 * across routes and models. Test prices: {@code bg-test} $0 input / $100 output per 1M (max output 8,000),
 * {@code bg-input} $1 input / $0 output per 1M.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:hard-caps-it;DB_CLOSE_DELAY=-1",
            "budgetguard.providers.openai.api-key=sk-openai-server",
            "budgetguard.providers.gemini.api-key=AIza-server",
            "budgetguard.proxy.event-loop-threads=2"
        })
@Import(HardCapsIT.Wiring.class)
@DirtiesContext
class HardCapsIT {

    static final String CAPPED = "acme";
    static final String CAPPED_KEY = "bg-acme-0123456789";
    static final String UNCAPPED = "borealis";
    static final String UNCAPPED_KEY = "bg-borealis-9876543210";
    static final GoldenUpstream UPSTREAM = GoldenUpstream.start()
            .serve("/chat/completions", "openai/chat-completions", true)
            .serve("/completions", "openai/completions", true)
            .serve("/responses", "openai/responses", true)
            .serve(":generateContent", "gemini/generate-content", false);
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path spoolDir;

    @LocalServerPort
    int port;

    @Autowired
    SpendLedger ledger;

    SpoolContents spool;

    @TestConfiguration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        @Primary
        TenantAuthenticator fixedTenants() {
            return new FixedTenants(Map.of(CAPPED, CAPPED_KEY, UNCAPPED, UNCAPPED_KEY));
        }

        @Bean
        @Primary
        PriceBook testPrices() {
            List<ModelPrice> prices = new ArrayList<>(BundledPrices.load());
            prices.add(price("bg-test", BigDecimal.ZERO, new BigDecimal("100")));
            prices.add(price("bg-input", BigDecimal.ONE, BigDecimal.ZERO));
            return new InMemoryPriceBook(prices);
        }

        private static ModelPrice price(String model, BigDecimal input, BigDecimal output) {
            return new ModelPrice(
                    model, "openai", LocalDate.of(2026, 1, 1), null, input, null, null, null, output, 8000);
        }
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("budgetguard.providers.openai.base-url", () -> UPSTREAM.baseUrl("/v1"));
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
        ledger.replaceBudgets(
                CAPPED,
                List.of(new Budget("b-hard", CAPPED, BudgetPeriod.MONTHLY, new BigDecimal("1000"), ZoneId.of("UTC"))));
    }

    @AfterEach
    void uncap() {
        ledger.removeTenant(CAPPED);
    }

    @Test
    void aCappedTenantIsRefusedAnUnpricedModelAndAnUncappedOneIsServed() throws Exception {
        // given a model with no price in force
        String body = "{\"model\":\"house-model-7\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

        // when
        HttpResponse<String> capped = post(CAPPED, CAPPED_KEY, "/v1/chat/completions", body, null);
        HttpResponse<String> uncapped = post(UNCAPPED, UNCAPPED_KEY, "/v1/chat/completions", body, null);

        // then the capped tenant gets 402 model_unpriced, nothing forwarded, and a refusal record
        assertThat(capped.statusCode()).isEqualTo(402);
        assertThat(capped.body())
                .contains("\"type\":\"budget_exceeded\"")
                .contains("\"code\":\"model_unpriced\"")
                .contains(
                        "Model house-model-7 has no price in force; tenants with a budget can only use priced models.");
        UsageRecord refusal = spool.await(requestId(capped), RecordKind.REFUSAL);
        assertThat(refusal.httpStatus()).isEqualTo(402);
        assertThat(refusal.errorCode()).isEqualTo("model_unpriced");
        assertThat(refusal.model()).isEqualTo("house-model-7");
        // and the uncapped tenant is served and recorded unpriced
        assertThat(uncapped.statusCode()).isEqualTo(200);
        assertThat(UPSTREAM.requests()).hasSize(1);
        assertThat(spool.await(requestId(uncapped), RecordKind.COMPLETION)
                        .cost()
                        .status())
                .isEqualTo(CostStatus.UNPRICED);
    }

    @Test
    void anOutputBoundPastALongsRangeIsA400WithARecordNotA500() throws Exception {
        for (String route : List.of("/v1/chat/completions", "/v1/completions")) {
            // when
            HttpResponse<String> answer = post(
                    CAPPED,
                    CAPPED_KEY,
                    route,
                    "{\"model\":\"gpt-4.1\",\"n\":2,\"max_tokens\":9223372036854775807,\"prompt\":\"x\","
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                    null);

            // then
            assertThat(answer.statusCode()).as(route).isEqualTo(400);
            assertThat(answer.body())
                    .contains("\"param\":\"max_tokens\"")
                    .contains("The max_tokens parameter must be at most 100000000.");
            UsageRecord refusal = spool.await(requestId(answer), RecordKind.REFUSAL);
            assertThat(refusal.status()).isEqualTo(UsageStatus.REJECTED);
            assertThat(refusal.httpStatus()).isEqualTo(400);
            assertThat(refusal.errorCode()).isEqualTo("invalid_value");
        }
        assertThat(UPSTREAM.requests()).isEmpty();
    }

    @Test
    void choicesAndStoredInputAreInTheReservedEstimate() throws Exception {
        // when n = 8 without max_tokens, and a Responses call continuing a stored response
        HttpResponse<String> eight = post(
                CAPPED,
                CAPPED_KEY,
                "/v1/chat/completions",
                "{\"model\":\"bg-test\",\"n\":8,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                null);
        HttpResponse<String> continued = post(
                CAPPED,
                CAPPED_KEY,
                "/v1/responses",
                "{\"model\":\"bg-input\",\"previous_response_id\":\"resp_1\",\"input\":\"and?\",\"max_output_tokens\":5}",
                null);

        // then 8 x 8,000 x $0.0001 = $6.40; 1,048,576 unseen input tokens x $1 per 1M = $1.048576
        assertThat(spool.await(requestId(eight), RecordKind.ADMISSION).cost().amountUsd())
                .isEqualByComparingTo("6.40");
        assertThat(spool.await(requestId(continued), RecordKind.ADMISSION)
                        .cost()
                        .amountUsd())
                .isEqualByComparingTo("1.048576");
        spool.await(requestId(eight), RecordKind.COMPLETION);
        spool.await(requestId(continued), RecordKind.COMPLETION);
    }

    @Test
    void anIdempotencyKeyReplaysOnlyTheSameRouteAndPath() throws Exception {
        // given a first Gemini flash call and a first chat call, each under its key, completed
        String ask = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Plan restocks.\"}]}]}";
        String chat = "{\"model\":\"bg-test\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"input\":\"Hi\"}";
        HttpResponse<String> flash =
                post(CAPPED, CAPPED_KEY, "/v1beta/models/gemini-2.5-flash:generateContent", ask, "key-gemini");
        HttpResponse<String> chatted = post(CAPPED, CAPPED_KEY, "/v1/chat/completions", chat, "key-chat");
        spool.await(requestId(flash), RecordKind.COMPLETION);
        spool.await(requestId(chatted), RecordKind.COMPLETION);

        // when the same key and body go to another model, and to another route
        HttpResponse<String> pro =
                post(CAPPED, CAPPED_KEY, "/v1beta/models/gemini-2.5-pro:generateContent", ask, "key-gemini");
        HttpResponse<String> responses = post(CAPPED, CAPPED_KEY, "/v1/responses", chat, "key-chat");
        HttpResponse<String> repeat =
                post(CAPPED, CAPPED_KEY, "/v1beta/models/gemini-2.5-flash:generateContent", ask, "key-gemini");

        // then both are the key reused (422), never the first answer; the true repeat is replayed
        assertThat(flash.statusCode()).isEqualTo(200);
        assertThat(chatted.statusCode()).isEqualTo(200);
        assertThat(pro.statusCode()).isEqualTo(422);
        assertThat(pro.body()).contains("already used with a different request");
        assertThat(responses.statusCode()).isEqualTo(422);
        assertThat(responses.body()).contains("idempotency_key_reused");
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(repeat.headers().firstValue("idempotent-replayed")).hasValue("true");
        assertThat(repeat.body()).isEqualTo(flash.body());
        assertThat(UPSTREAM.requests()).hasSize(2);
        assertThat(spool.await(requestId(pro), RecordKind.REFUSAL).errorCode()).isEqualTo("idempotency_key_reused");
    }

    private HttpResponse<String> post(String tenant, String key, String path, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-Tenant-Id", tenant)
                .header("X-API-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String requestId(HttpResponse<?> response) {
        return response.headers()
                .firstValue(MeteredRouteHandler.REQUEST_ID_HEADER)
                .orElseThrow(() -> new AssertionError("no request id header"));
    }
}
