package dev.budgetguard.ingest.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.tenant.AuthenticatedTenant;
import dev.budgetguard.ingest.tenant.TenantAuthenticator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "budgetguard.admin.api-key=" + AdminApiIT.ADMIN_KEY,
            // Long enough that only the immediate reload after a change can make a new key work.
            "budgetguard.admin.directory-refresh=1h"
        })
@AutoConfigureWebTestClient
class AdminApiIT {

    static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("budgetguard"));
        registry.add("budgetguard.spool.dir", () -> dataDir.resolve("spool").toString());
    }

    @Autowired
    WebTestClient client;

    @Autowired
    TenantAuthenticator authenticator;

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

        // then
        assertThat(authenticator.authenticate("initech", issued.key())).isEmpty();
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
        expectError(budgets, HttpStatus.BAD_REQUEST, "invalid_request_error", "budgets", "unsupported_field");
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
                .valueEquals("Cache-Control", "no-store");
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

    private WebTestClient admin() {
        return client.mutate().defaultHeader(AdminKeyFilter.HEADER, ADMIN_KEY).build();
    }

    private void createTenant(String name) {
        admin().post()
                .uri("/admin/tenant")
                .bodyValue(Map.of("name", name))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private IssuedKeyJson issueKey(String tenant) {
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

    private static void expectError(
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
}
