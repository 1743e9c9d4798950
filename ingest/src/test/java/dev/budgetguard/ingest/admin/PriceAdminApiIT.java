package dev.budgetguard.ingest.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.schemas.pricing.PriceBook;
import dev.budgetguard.schemas.usage.Cost;
import dev.budgetguard.schemas.usage.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "budgetguard.admin.api-key=" + PriceAdminApiIT.ADMIN_KEY,
            // Long enough that only the immediate reload after a change can reprice.
            "budgetguard.prices.refresh=1h"
        })
@AutoConfigureWebTestClient
class PriceAdminApiIT {

    static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";
    private static final Instant AFTER_CHANGE = Instant.parse("2030-01-02T00:00:00Z");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("budgetguard"));
        // A spool of its own: another test class's context may still hold the default one in this JVM.
        registry.add("budgetguard.spool.dir", () -> dataDir.resolve("spool").toString());
    }

    @Autowired
    WebTestClient client;

    @Autowired
    PriceBook priceBook;

    @Test
    void listsTheSeededVersionsInForceWithTheirTiersAndBatchDiscount() {
        // when
        var current = admin().get().uri("/admin/prices").exchange();

        // then
        current.expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.object")
                .isEqualTo("list")
                .jsonPath("$.data[?(@.model == 'gpt-4o')].version")
                .isEqualTo("gpt-4o@2024-05-13")
                .jsonPath("$.data[?(@.model == 'gpt-4o')].inputPerMillion")
                .isEqualTo("2.5")
                .jsonPath("$.data[?(@.model == 'gpt-4o')].batchDiscount")
                .isEqualTo("0.5")
                .jsonPath("$.data[?(@.model == 'claude-sonnet-4-5')].longContext.thresholdInputTokens")
                .isEqualTo(200000)
                .jsonPath("$.data[?(@.model == 'claude-sonnet-4-5')].longContext.outputPerMillion")
                .isEqualTo("22.5")
                .jsonPath("$.data[?(@.model == 'o3')].inputPerMillion")
                .isEqualTo("2");
    }

    @Test
    void listsWhatWasInForceAtAnInstantAndTheWholeHistory() {
        // when
        var beforeCut =
                admin().get().uri("/admin/prices?at=2025-06-09T23:59:59Z").exchange();
        var history = admin().get().uri("/admin/prices?history=true").exchange();

        // then
        beforeCut
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.at")
                .isEqualTo("2025-06-09T23:59:59Z")
                .jsonPath("$.data[?(@.model == 'o3')].version")
                .isEqualTo("o3@2025-04-16")
                .jsonPath("$.data[?(@.model == 'o3')].inputPerMillion")
                .isEqualTo("10")
                .jsonPath("$.data[?(@.model == 'claude-opus-4-5')]")
                .isEmpty();
        history.expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data[?(@.model == 'o3')].effectiveTo")
                .isEqualTo(java.util.Arrays.asList("2025-06-10", null));
    }

    @Test
    void aNewVersionClosesTheCurrentOneAndPricesTheProxyAtOnce() {
        // when
        var put = admin().put()
                .uri("/admin/prices/gpt-4.1-mini")
                .bodyValue(Map.of(
                        "effectiveFrom",
                        "2030-01-01",
                        "inputPerMillion",
                        0.3,
                        "cachedInputPerMillion",
                        "0.075",
                        "outputPerMillion",
                        1.2,
                        "longContext",
                        Map.of(
                                "thresholdInputTokens", 500000,
                                "inputPerMillion", 0.6,
                                "outputPerMillion", 2.4)))
                .exchange();

        // then
        put.expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo("gpt-4.1-mini@2030-01-01")
                .jsonPath("$.provider")
                .isEqualTo("openai")
                .jsonPath("$.maxOutputTokens")
                .isEqualTo(32768)
                .jsonPath("$.cacheWrite5mPerMillion")
                .isEqualTo("0.3")
                .jsonPath("$.batchDiscount")
                .isEmpty();
        Cost after = priceBook.cost("gpt-4.1-mini-2025-04-14", AFTER_CHANGE, TokenUsage.of(400_000, 1_000_000));
        Cost before = priceBook.cost(
                "gpt-4.1-mini", Instant.parse("2029-12-31T23:59:59Z"), TokenUsage.of(400_000, 1_000_000));
        Cost longRequest = priceBook.cost("gpt-4.1-mini", AFTER_CHANGE, TokenUsage.of(1_000_000, 0));
        // 400k x $0.30 + 1M x $1.20; the old 400k x $0.40 + 1M x $1.60; above 500k input, 1M x $0.60
        assertThat(after.amountUsd()).isEqualByComparingTo("1.32");
        assertThat(after.priceVersion()).isEqualTo("gpt-4.1-mini@2030-01-01");
        assertThat(before.amountUsd()).isEqualByComparingTo("1.76");
        assertThat(longRequest.amountUsd()).isEqualByComparingTo("0.6");
        admin().get()
                .uri("/admin/prices?history=true")
                .exchange()
                .expectBody()
                .jsonPath("$.data[?(@.model == 'gpt-4.1-mini')].effectiveTo")
                .isEqualTo(java.util.Arrays.asList("2030-01-01", null));
    }

    @Test
    void aVersionStartingOnOrBeforeTheCurrentOneIsRefused() {
        // when
        var before = admin().put()
                .uri("/admin/prices/gpt-5-nano")
                .bodyValue(Map.of("effectiveFrom", "2025-01-01", "inputPerMillion", 1, "outputPerMillion", 2))
                .exchange();
        var sameDay = admin().put()
                .uri("/admin/prices/gpt-5-nano")
                .bodyValue(Map.of("effectiveFrom", "2025-08-07", "inputPerMillion", 1, "outputPerMillion", 2))
                .exchange();

        // then
        String body = expectError(before, HttpStatus.BAD_REQUEST, "effectiveFrom", "history_is_never_rewritten");
        assertThat(body).contains("History is never rewritten").contains("2025-08-07");
        expectError(sameDay, HttpStatus.BAD_REQUEST, "effectiveFrom", "history_is_never_rewritten");
    }

    @Test
    void anAliasAddressesItsModelAndAFirstVersionNeedsItsProvider() {
        // when
        var alias = admin().put()
                .uri("/admin/prices/claude-haiku-4.5")
                .bodyValue(Map.of("effectiveFrom", "2030-01-01", "inputPerMillion", 1, "outputPerMillion", 5))
                .exchange();
        var unknown = admin().put()
                .uri("/admin/prices/brand-new-model")
                .bodyValue(Map.of(
                        "effectiveFrom",
                        "2030-01-01",
                        "inputPerMillion",
                        1,
                        "outputPerMillion",
                        5,
                        "maxOutputTokens",
                        10))
                .exchange();

        // then
        alias.expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo("claude-haiku-4-5@2030-01-01");
        expectError(unknown, HttpStatus.BAD_REQUEST, "provider", "missing_field");
    }

    @Test
    void invalidInputIsA400NamingTheField() {
        // when / then
        expectError(
                put("/admin/prices/gpt-4o", Map.of("effectiveFrom", "2030-01-01", "inputPerMillion", 1)),
                HttpStatus.BAD_REQUEST,
                "outputPerMillion",
                "missing_field");
        expectError(
                put("/admin/prices/gpt-4o", Map.of("inputPerMillion", 1, "outputPerMillion", 1)),
                HttpStatus.BAD_REQUEST,
                "effectiveFrom",
                "missing_field");
        expectError(
                put(
                        "/admin/prices/gpt-4o",
                        Map.of("effectiveFrom", "soon", "inputPerMillion", 1, "outputPerMillion", 1)),
                HttpStatus.BAD_REQUEST,
                "effectiveFrom",
                "invalid_value");
        expectError(
                put(
                        "/admin/prices/gpt-4o",
                        Map.of("effectiveFrom", "2030-01-01", "inputPerMillion", -1, "outputPerMillion", 1)),
                HttpStatus.BAD_REQUEST,
                "inputPerMillion",
                "invalid_value");
        expectError(
                put(
                        "/admin/prices/gpt-4o",
                        Map.of(
                                "effectiveFrom", "2030-01-01",
                                "inputPerMillion", "0.0000001",
                                "outputPerMillion", 1)),
                HttpStatus.BAD_REQUEST,
                "inputPerMillion",
                "invalid_value");
        expectError(
                put(
                        "/admin/prices/gpt-4o",
                        Map.of(
                                "effectiveFrom", "2030-01-01",
                                "inputPerMillion", 1,
                                "outputPerMillion", 1,
                                "batchDiscount", 1)),
                HttpStatus.BAD_REQUEST,
                "batchDiscount",
                "invalid_value");
        expectError(
                put(
                        "/admin/prices/gpt-4o",
                        Map.of(
                                "effectiveFrom",
                                "2030-01-01",
                                "inputPerMillion",
                                1,
                                "outputPerMillion",
                                1,
                                "longContext",
                                Map.of("inputPerMillion", 2, "outputPerMillion", 2))),
                HttpStatus.BAD_REQUEST,
                "longContext.thresholdInputTokens",
                "missing_field");
        expectError(
                put(
                        "/admin/prices/gpt-4o",
                        Map.of("effectiveFrom", "2030-01-01", "inputPerMillion", "cheap", "outputPerMillion", 1)),
                HttpStatus.BAD_REQUEST,
                "inputPerMillion",
                "invalid_value");
        expectError(
                admin().get().uri("/admin/prices?at=yesterday").exchange(),
                HttpStatus.BAD_REQUEST,
                "at",
                "invalid_value");
        // and nothing of the above reached the book
        assertThat(priceBook
                        .cost("gpt-4o", AFTER_CHANGE, TokenUsage.of(1_000_000, 0))
                        .priceVersion())
                .isEqualTo("gpt-4o@2024-05-13");
    }

    @Test
    void thePriceRoutesNeedTheAdminKey() {
        // when
        var missing = client.get().uri("/admin/prices").exchange();

        // then
        missing.expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec put(String uri, Map<String, Object> body) {
        return admin().put().uri(uri).bodyValue(body).exchange();
    }

    private WebTestClient admin() {
        return client.mutate().defaultHeader(AdminKeyFilter.HEADER, ADMIN_KEY).build();
    }

    private static String expectError(
            WebTestClient.ResponseSpec response, HttpStatus status, String param, String code) {
        byte[] body = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.error.type")
                .isEqualTo("invalid_request_error")
                .jsonPath("$.error.code")
                .isEqualTo(code)
                .jsonPath("$.error.param")
                .isEqualTo(param)
                .returnResult()
                .getResponseBodyContent();
        return new String(body, StandardCharsets.UTF_8);
    }
}
