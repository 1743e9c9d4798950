package dev.budgetguard.ingest.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.admission.Admission;
import dev.budgetguard.ingest.admission.SpendLedger;
import dev.budgetguard.ingest.ratelimit.RateLimiter;
import dev.budgetguard.ingest.tenant.AuthenticatedTenant;
import dev.budgetguard.ingest.tenant.TenantAuthenticator;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * The admin API end to end over HTTP, against the real collector; run on H2 by {@link AdminApiIT} and on PostgreSQL by
 * {@link AdminApiPostgresIT}. Tests share one context, so each uses tenants of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "budgetguard.admin.api-key=" + AdminApiScenarios.ADMIN_KEY,
            // Long enough that only the immediate reload after a change can make a new key work.
            "budgetguard.admin.directory-refresh=1h"
        })
@AutoConfigureWebTestClient
abstract class AdminApiScenarios {

    static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";
    private static final String MONTHLY = "$.data[?(@.period == 'monthly')]";
    private static final String CUSTOM = "$.data[?(@.period == 'custom')]";
    static final FakeOpenAiUpstream UPSTREAM = FakeOpenAiUpstream.start()
            .defaultReply(FakeOpenAiUpstream.PlannedReply.ok(new FakeOpenAiUpstream.Usage(10, 5, 0, 0)));

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("budgetguard.spool.dir", () -> dataDir.resolve("spool").toString());
        registry.add("budgetguard.providers.openai.base-url", UPSTREAM::baseUrl);
    }

    @Autowired
    WebTestClient client;

    @Autowired
    TenantAuthenticator authenticator;

    @Autowired
    RateLimiter rateLimiter;

    @Autowired
    SpendLedger ledger;

    @Value("${local.server.port}")
    int port;

    @Test
    void createsATenantAndRefusesTheSameNameTwice() {
        // when
        var created = admin().post()
                .uri("/admin/tenant")
                .bodyValue(Map.of("name", "acme", "rateLimitPerMin", 50))
                .exchange();

        // then
        created.expectStatus()
                .isCreated()
                .expectHeader()
                .location("/admin/tenant/acme")
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo("acme")
                .jsonPath("$.name")
                .isEqualTo("acme")
                .jsonPath("$.rateLimitPerMin")
                .isEqualTo(50)
                .jsonPath("$.createdAt")
                .isNotEmpty()
                .jsonPath("$.apiKeys")
                .isEmpty();
        var duplicate = admin().post()
                .uri("/admin/tenant")
                .bodyValue(Map.of("name", "acme"))
                .exchange();
        expectError(duplicate, HttpStatus.CONFLICT, "invalid_request_error", "name", "tenant_exists");
    }

    @Test
    void anIssuedKeyIsShownOnceAuthenticatesAndIsListedByPrefixOnly() {
        // given
        createTenant("globex");

        // when
        var issued = admin().post()
                .uri("/admin/tenant/globex/apikeys")
                .bodyValue(Map.of("name", "Production Key"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(IssuedKeyJson.class)
                .returnResult()
                .getResponseBody();

        // then
        assertThat(issued).isNotNull();
        assertThat(issued.key()).matches("bg_[A-Za-z0-9_-]{43}");
        assertThat(issued.prefix()).isEqualTo(issued.key().substring(0, 8));
        assertThat(issued.name()).isEqualTo("Production Key");
        assertThat(authenticator.authenticate("globex", issued.key()))
                .contains(new AuthenticatedTenant("globex", issued.id()));
        assertThat(authenticator.authenticate("acme-other", issued.key())).isEmpty();
        byte[] listing = admin().get()
                .uri("/admin/tenant/globex")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.apiKeys[0].id")
                .isEqualTo(issued.id())
                .jsonPath("$.apiKeys[0].prefix")
                .isEqualTo(issued.prefix())
                .jsonPath("$.apiKeys[0].revokedAt")
                .isEmpty()
                .returnResult()
                .getResponseBodyContent();
        assertThat(new String(listing, StandardCharsets.UTF_8))
                .contains(issued.prefix())
                .doesNotContain(issued.key())
                .doesNotContain("hash");
    }

    @Test
    void aRevokedKeyStopsAuthenticatingAtOnce() {
        // given
        createTenant("initech");
        var issued = issueKey("initech");

        // when
        admin().delete()
                .uri("/admin/tenant/initech/apikeys/{keyId}", issued.id())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.revokedAt")
                .isNotEmpty();

        // then the very next proxy request with it is refused, where the one before was served
        assertThat(authenticator.authenticate("initech", issued.key())).isEmpty();
        proxyCall("initech", issued.key()).expectStatus().isUnauthorized();
    }

    @Test
    void aKeyServesProxyCallsUntilItIsRevoked() {
        // given
        createTenant("initrode");
        var issued = issueKey("initrode");
        proxyCall("initrode", issued.key()).expectStatus().isOk();

        // when
        admin().delete()
                .uri("/admin/tenant/initrode/apikeys/{keyId}", issued.id())
                .exchange()
                .expectStatus()
                .isOk();

        // then
        proxyCall("initrode", issued.key())
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("invalid_api_key");
    }

    @Test
    void aRotationWithoutGraceIssuesASuccessorAndEndsTheOldKeyAtOnce() {
        // given
        createTenant("umbrella");
        var old = issueKey("umbrella");

        // when
        var successor = admin().post()
                .uri("/admin/tenant/umbrella/apikeys/{keyId}/rotate", old.id())
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(IssuedKeyJson.class)
                .returnResult()
                .getResponseBody();

        // then
        assertThat(successor).isNotNull();
        assertThat(successor.key()).isNotEqualTo(old.key());
        proxyCall("umbrella", old.key()).expectStatus().isUnauthorized();
        proxyCall("umbrella", successor.key()).expectStatus().isOk();
        var again = admin().post()
                .uri("/admin/tenant/umbrella/apikeys/{keyId}/rotate", old.id())
                .exchange();
        expectError(again, HttpStatus.CONFLICT, "invalid_request_error", "keyId", "api_key_already_rotated");
        var tooLong = admin().post()
                .uri("/admin/tenant/umbrella/apikeys/{keyId}/rotate", successor.id())
                .bodyValue(Map.of("graceSeconds", -1))
                .exchange();
        expectError(tooLong, HttpStatus.BAD_REQUEST, "invalid_request_error", "graceSeconds", "invalid_value");
    }

    @Test
    void aRotationWithGraceKeepsTheOldKeyAndShowsItsExpiry() {
        // given
        createTenant("cyberdyne");
        var old = issueKey("cyberdyne");

        // when
        admin().post()
                .uri("/admin/tenant/cyberdyne/apikeys/{keyId}/rotate", old.id())
                .bodyValue(Map.of("graceSeconds", 3600))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.replacedKey.id")
                .isEqualTo(old.id())
                .jsonPath("$.replacedKey.expiresAt")
                .isNotEmpty();

        // then
        proxyCall("cyberdyne", old.key()).expectStatus().isOk();
        admin().get()
                .uri("/admin/tenant/cyberdyne")
                .exchange()
                .expectBody()
                .jsonPath("$.apiKeys.length()")
                .isEqualTo(2)
                .jsonPath("$.apiKeys[0].expiresAt")
                .isNotEmpty()
                .jsonPath("$.apiKeys[1].expiresAt")
                .isEmpty();
    }

    @Test
    void aDeletedTenantsKeysAreRefusedAndItIsGone() {
        // given
        createTenant("soylent");
        var issued = issueKey("soylent");

        // when
        admin().delete()
                .uri("/admin/tenant/soylent")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.deleted")
                .isEqualTo(true);

        // then
        proxyCall("soylent", issued.key()).expectStatus().isUnauthorized();
        expectError(
                admin().get().uri("/admin/tenant/soylent").exchange(),
                HttpStatus.NOT_FOUND,
                "not_found_error",
                null,
                "tenant_not_found");
        expectError(
                admin().delete().uri("/admin/tenant/soylent").exchange(),
                HttpStatus.NOT_FOUND,
                "not_found_error",
                null,
                "tenant_not_found");
    }

    @Test
    void adminActionsAreReadBackFromTheAuditLogWithTheirOperator() {
        // given
        admin().post()
                .uri("/admin/tenant")
                .header(AdminRequests.ACTOR_HEADER, "alice@example.com")
                .bodyValue(Map.of("name", "audited"))
                .exchange()
                .expectStatus()
                .isCreated();
        var issued = issueKey("audited");

        // when
        byte[] log = admin().get()
                .uri("/admin/audit?limit=1000")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();

        // then
        String json = new String(log, StandardCharsets.UTF_8);
        assertThat(json)
                .contains("\"actor\":\"admin:alice@example.com\",\"action\":\"create_tenant\","
                        + "\"targetType\":\"tenant\",\"targetId\":\"audited\"")
                .contains("\"action\":\"create_api_key\",\"targetType\":\"api_key\",\"targetId\":\"" + issued.id())
                .doesNotContain(issued.key())
                .doesNotContain(issued.prefix());
        admin().get()
                .uri("/admin/audit?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z")
                .exchange()
                .expectBody()
                .jsonPath("$.data")
                .isEmpty();
        expectError(
                admin().get().uri("/admin/audit?limit=0").exchange(),
                HttpStatus.BAD_REQUEST,
                "invalid_request_error",
                "limit",
                "invalid_value");
    }

    @Test
    void budgetsAreCreatedWithTheTenantAndShownWithTheirWindowAndSpend() {
        // when
        admin().post()
                .uri("/admin/tenant")
                .bodyValue(Map.of(
                        "name",
                        "budgeted-co",
                        "budgets",
                        List.of(
                                Map.of("period", "monthly", "limitUsd", 500, "timezone", "Europe/Berlin"),
                                Map.of(
                                        "period",
                                        "custom",
                                        "startDate",
                                        "2026-12-01",
                                        "endDate",
                                        "2027-01-01",
                                        "limitUsd",
                                        "25.50",
                                        "timezone",
                                        "Asia/Shanghai",
                                        "thresholds",
                                        List.of(90)))))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.budgets.length()")
                .isEqualTo(2);

        // then
        admin().get()
                .uri("/admin/tenant/budgeted-co/budgets")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.length()")
                .isEqualTo(2)
                .jsonPath(MONTHLY + ".limitUsd")
                .isEqualTo(List.of("500"))
                .jsonPath(MONTHLY + ".timezone")
                .isEqualTo(List.of("Europe/Berlin"))
                .jsonPath(MONTHLY + ".thresholds")
                .isEqualTo(List.of(List.of(50, 80, 100)))
                .jsonPath(MONTHLY + ".window.start")
                .isNotEmpty()
                .jsonPath(MONTHLY + ".spentUsd")
                .isEqualTo(List.of("0"))
                .jsonPath(MONTHLY + ".reservedUsd")
                .isEqualTo(List.of("0"))
                .jsonPath(MONTHLY + ".remainingUsd")
                .isEqualTo(List.of("500"))
                .jsonPath(CUSTOM + ".startDate")
                .isEqualTo(List.of("2026-12-01"))
                .jsonPath(CUSTOM + ".endDate")
                .isEqualTo(List.of("2027-01-01"))
                .jsonPath(CUSTOM + ".limitUsd")
                .isEqualTo(List.of("25.5"))
                .jsonPath(CUSTOM + ".thresholds")
                .isEqualTo(List.of(List.of(90)));
    }

    @Test
    void aBudgetLimitIsKeptExactlyAsWrittenAndADeletedBudgetIsGone() {
        // given
        createTenant("exacting");

        // when: more digits than a double holds
        var created = admin().post()
                .uri("/admin/tenant/exacting/budgets")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"period\":\"daily\",\"limitUsd\":123456789012.123456789012,\"timezone\":\"UTC\"}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(BudgetJson.class)
                .returnResult()
                .getResponseBody();

        // then
        assertThat(created).isNotNull();
        assertThat(created.limitUsd()).isEqualTo("123456789012.123456789012");
        assertThat(created.remainingUsd()).isEqualTo("123456789012.123456789012");
        admin().delete()
                .uri("/admin/tenant/exacting/budgets/{id}", created.id())
                .exchange()
                .expectStatus()
                .isOk();
        admin().get()
                .uri("/admin/tenant/exacting/budgets")
                .exchange()
                .expectBody()
                .jsonPath("$.data")
                .isEmpty();
        expectError(
                admin().delete()
                        .uri("/admin/tenant/exacting/budgets/{id}", created.id())
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "not_found_error",
                null,
                "budget_not_found");
    }

    @Test
    void badBudgetsAreA400NamingTheFieldAndUnknownIdsA404() {
        // given
        createTenant("careful");

        // when / then
        expectBudgetError(Map.of("period", "monthly", "limitUsd", -1), "limitUsd");
        expectBudgetError(Map.of("period", "monthly", "limitUsd", 5, "timezone", "Mars/Olympus"), "timezone");
        expectBudgetError(Map.of("period", "monthly", "limitUsd", 5, "timezone", "+02:00"), "timezone");
        expectBudgetError(Map.of("period", "fortnightly", "limitUsd", 5), "period");
        expectBudgetError(
                Map.of("period", "custom", "limitUsd", 5, "startDate", "2027-01-01", "endDate", "2026-12-01"),
                "endDate");
        expectBudgetError(Map.of("period", "custom", "limitUsd", 5, "startDate", "2027-01-01"), "endDate");
        expectBudgetError(Map.of("period", "daily", "limitUsd", 5, "thresholds", List.of(80, 50)), "thresholds");
        expectBudgetError(Map.of("period", "daily", "limitUsd", "0.0000000000001"), "limitUsd");
        expectError(
                admin().post()
                        .uri("/admin/tenant/nobody/budgets")
                        .bodyValue(Map.of("period", "daily", "limitUsd", 5))
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "not_found_error",
                null,
                "tenant_not_found");
        expectError(
                admin().get().uri("/admin/tenant/nobody/budgets").exchange(),
                HttpStatus.NOT_FOUND,
                "not_found_error",
                null,
                "tenant_not_found");
        expectError(
                admin().delete()
                        .uri("/admin/tenant/careful/budgets/{id}", java.util.UUID.randomUUID())
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "not_found_error",
                null,
                "budget_not_found");
    }

    @Test
    void theTokenLimitIsOptionalAndKeptWhenAPutLeavesItOut() {
        // given
        createTenant("tokenized");

        // when
        admin().put()
                .uri("/admin/tenant/tokenized/ratelimit")
                .bodyValue(Map.of("rateLimitPerMin", 50, "tokensPerMin", 100000))
                .exchange()
                .expectStatus()
                .isOk();
        admin().put()
                .uri("/admin/tenant/tokenized/ratelimit")
                .bodyValue(Map.of("rateLimitPerMin", 60))
                .exchange()
                .expectStatus()
                .isOk();

        // then
        admin().get()
                .uri("/admin/tenant/tokenized/ratelimit")
                .exchange()
                .expectBody()
                .json("{\"rateLimitPerMin\":60,\"tokensPerMin\":100000}", true);
        expectError(
                admin().put()
                        .uri("/admin/tenant/tokenized/ratelimit")
                        .bodyValue(Map.of("rateLimitPerMin", 1, "tokensPerMin", -5))
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "invalid_request_error",
                "tokensPerMin",
                "invalid_value");
        expectError(
                admin().put()
                        .uri("/admin/tenant/nobody/ratelimit")
                        .bodyValue(Map.of("rateLimitPerMin", 1))
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "not_found_error",
                null,
                "tenant_not_found");
    }

    @Test
    void aRateLimitSetThroughTheApiRefusesTheNextRequestOverIt() {
        // given
        admin().post()
                .uri("/admin/tenant")
                .bodyValue(Map.of("name", "limited", "rateLimitPerMin", 1))
                .exchange()
                .expectStatus()
                .isCreated();

        // when
        var first = rateLimiter.tryAcquire("limited", 0, Instant.now());
        var second = rateLimiter.tryAcquire("limited", 0, Instant.now());

        // then
        assertThat(first.allowed()).isTrue();
        assertThat(second.allowed()).isFalse();
    }

    @Test
    void aBudgetShowsWhatTheLedgerHoldsForItNow() {
        // given a $1.00 budget with $0.25 spent and $0.40 reserved by requests in flight
        admin().post()
                .uri("/admin/tenant")
                .bodyValue(Map.of("name", "metered", "budgets", List.of(Map.of("period", "daily", "limitUsd", "1.00"))))
                .exchange()
                .expectStatus()
                .isCreated();
        var settled = (Admission.Admitted) ledger.tryAdmit("metered", new BigDecimal("0.40"), Instant.now());
        settled.reservation().settle(new BigDecimal("0.25"));
        var open = ledger.tryAdmit("metered", new BigDecimal("0.40"), Instant.now());
        assertThat(open).isInstanceOf(Admission.Admitted.class);

        // when / then
        admin().get()
                .uri("/admin/tenant/metered/budgets")
                .exchange()
                .expectBody()
                .jsonPath("$.data[0].limitUsd")
                .isEqualTo("1")
                .jsonPath("$.data[0].timezone")
                .isEqualTo("UTC")
                .jsonPath("$.data[0].spentUsd")
                .isEqualTo("0.25")
                .jsonPath("$.data[0].reservedUsd")
                .isEqualTo("0.4")
                .jsonPath("$.data[0].remainingUsd")
                .isEqualTo("0.35");
        ((Admission.Admitted) open).reservation().release();
    }

    private void expectBudgetError(Map<String, Object> body, String field) {
        var response = admin().post()
                .uri("/admin/tenant/careful/budgets")
                .bodyValue(body)
                .exchange();
        response.expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.param")
                .isEqualTo(field);
    }

    WebTestClient.ResponseSpec proxyCall(String tenant, String key) {
        return client.post()
                .uri("/v1/chat/completions")
                .header("X-Tenant-Id", tenant)
                .header("X-API-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        "{\"model\":\"gpt-4o\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange();
    }

    @Test
    void theRateLimitIsStoredAndReturned() {
        // given
        createTenant("hooli");

        // when
        admin().put()
                .uri("/admin/tenant/hooli/ratelimit")
                .bodyValue(Map.of("rateLimitPerMin", 120))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rateLimitPerMin")
                .isEqualTo(120);

        // then
        admin().get()
                .uri("/admin/tenant/hooli/ratelimit")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{\"rateLimitPerMin\":120}");
        var negative = admin().put()
                .uri("/admin/tenant/hooli/ratelimit")
                .bodyValue(Map.of("rateLimitPerMin", -1))
                .exchange();
        expectError(negative, HttpStatus.BAD_REQUEST, "invalid_request_error", "rateLimitPerMin", "invalid_value");
    }

    @Test
    void aMissingOrWrongAdminKeyIsRefusedInTheErrorShape() {
        // when
        var missing = client.get().uri("/admin/tenant/acme").exchange();
        var wrong = client.get()
                .uri("/admin/tenant/acme")
                .header(AdminKeyFilter.HEADER, ADMIN_KEY + "x")
                .exchange();
        var encodedPath = rawPathClient().get().uri("/%61dmin/tenant/acme").exchange();

        // then
        expectError(missing, HttpStatus.UNAUTHORIZED, "authentication_error", null, "missing_admin_key");
        expectError(wrong, HttpStatus.UNAUTHORIZED, "authentication_error", null, "invalid_admin_key");
        expectError(encodedPath, HttpStatus.UNAUTHORIZED, "authentication_error", null, "missing_admin_key");
        // and the encoded path really does reach the admin handler, so the 401 above is the filter's doing
        var encodedWithKey = rawPathClient()
                .get()
                .uri("/%61dmin/tenant/nobody")
                .header(AdminKeyFilter.HEADER, ADMIN_KEY)
                .exchange();
        expectError(encodedWithKey, HttpStatus.NOT_FOUND, "not_found_error", null, "tenant_not_found");
    }

    @Test
    void invalidInputIsA400NamingTheField() {
        // when
        var badName = admin().post()
                .uri("/admin/tenant")
                .bodyValue(Map.of("name", "no spaces allowed"))
                .exchange();
        var budgets = admin().post()
                .uri("/admin/tenant")
                .bodyValue(Map.of("name", "budgeted", "budgets", java.util.List.of(Map.of("period", "monthly"))))
                .exchange();
        var actor = admin().post()
                .uri("/admin/tenant")
                .header(AdminRequests.ACTOR_HEADER, "alice actor=forged")
                .bodyValue(Map.of("name", "acted"))
                .exchange();
        var wrongType = admin().post()
                .uri("/admin/tenant")
                .bodyValue(Map.of("name", "typed", "rateLimitPerMin", "fast"))
                .exchange();
        var malformed = admin().post()
                .uri("/admin/tenant")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": ")
                .exchange();

        // then
        expectError(badName, HttpStatus.BAD_REQUEST, "invalid_request_error", "name", "invalid_value");
        expectError(budgets, HttpStatus.BAD_REQUEST, "invalid_request_error", "budgets.0.limitUsd", "missing_field");
        // and a tenant whose budgets were refused was not created either: the two are one change
        expectError(
                admin().get().uri("/admin/tenant/budgeted").exchange(),
                HttpStatus.NOT_FOUND,
                "not_found_error",
                null,
                "tenant_not_found");
        expectError(actor, HttpStatus.BAD_REQUEST, "invalid_request_error", "X-Admin-Actor", "invalid_value");
        expectError(wrongType, HttpStatus.BAD_REQUEST, "invalid_request_error", "rateLimitPerMin", "invalid_value");
        expectError(malformed, HttpStatus.BAD_REQUEST, "invalid_request_error", null, "invalid_json");
    }

    @Test
    void anUnknownTenantIsA404() {
        // when
        var tenant = admin().get().uri("/admin/tenant/nobody").exchange();
        var key = admin().post().uri("/admin/tenant/nobody/apikeys").exchange();

        // then
        expectError(tenant, HttpStatus.NOT_FOUND, "not_found_error", null, "tenant_not_found");
        expectError(key, HttpStatus.NOT_FOUND, "not_found_error", null, "tenant_not_found");
    }

    @Test
    void adminResponsesCarryTheSecurityHeadersEvenWhenRefused() {
        // when
        var refused = client.get().uri("/admin/tenant/acme").exchange();

        // then
        refused.expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .expectHeader()
                .valueEquals("Cache-Control", "no-store")
                .expectHeader()
                .doesNotExist("Strict-Transport-Security");
    }

    @Test
    void healthAndActuatorEndpointsAnswer() {
        // when / then
        client.get()
                .uri("/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{\"status\":\"ok\"}", true);
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }

    // WebTestClient would encode the '%' again; send the path exactly as an attacker would.
    private WebTestClient rawPathClient() {
        var uris = new DefaultUriBuilderFactory("http://localhost:" + port);
        uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.NONE);
        return client.mutate().uriBuilderFactory(uris).build();
    }

    WebTestClient admin() {
        return client.mutate().defaultHeader(AdminKeyFilter.HEADER, ADMIN_KEY).build();
    }

    void createTenant(String name) {
        admin().post()
                .uri("/admin/tenant")
                .bodyValue(Map.of("name", name))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    IssuedKeyJson issueKey(String tenant) {
        return admin().post()
                .uri("/admin/tenant/{id}/apikeys", tenant)
                .bodyValue(Map.of("name", "k"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(IssuedKeyJson.class)
                .returnResult()
                .getResponseBody();
    }

    static void expectError(
            WebTestClient.ResponseSpec response, HttpStatus status, String type, String param, String code) {
        var body = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.error.type")
                .isEqualTo(type)
                .jsonPath("$.error.code")
                .isEqualTo(code)
                .jsonPath("$.error.message")
                .isNotEmpty();
        if (param == null) {
            String json = new String(body.returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
            assertThat(json)
                    .contains("\"param\":null")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        } else {
            body.jsonPath("$.error.param").isEqualTo(param);
        }
    }

    record IssuedKeyJson(String id, String name, String key, String prefix, String createdAt) {}

    record BudgetJson(String id, String limitUsd, String remainingUsd) {}
}
