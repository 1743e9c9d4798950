package dev.budgetguard.ingest.admin;

import static dev.budgetguard.ingest.admin.AdminApiScenarios.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What an attacker holding the admin key sent to break the control plane for every tenant: dates no database keeps,
 * a budget row corrupted in the database, repeated JSON keys and fixed-offset zones. Tests share one context, so each
 * uses tenants of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "budgetguard.admin.api-key=" + AdminApiScenarios.ADMIN_KEY,
            // Long enough that only the immediate reload after a change can apply it.
            "budgetguard.admin.directory-refresh=1h"
        })
@AutoConfigureWebTestClient
class HostileBudgetInputIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("budgetguard"));
        registry.add("budgetguard.spool.dir", () -> dataDir.resolve("spool").toString());
    }

    @Autowired
    WebTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void datesOutsideTheYears2000To2999AreA400AndNothingIsStored() {
        // given
        createTenant("t-poison");

        // when
        var farPast = postBudget("t-poison", customBody("-999999999-01-01", "2026-12-31"));
        var farFuture = postBudget("t-poison", customBody("+999999999-01-01", "+999999999-12-31"));
        var endTooLate = postBudget("t-poison", customBody("2026-01-01", "3000-01-01"));

        // then
        expectError(farPast, HttpStatus.BAD_REQUEST, "invalid_request_error", "startDate", "invalid_value");
        expectError(farFuture, HttpStatus.BAD_REQUEST, "invalid_request_error", "startDate", "invalid_value");
        expectError(endTooLate, HttpStatus.BAD_REQUEST, "invalid_request_error", "endDate", "invalid_value");
        postBudget("t-poison", customBody("-999999999-01-01", "2026-12-31"))
                .expectBody()
                .jsonPath("$.error.message")
                .isEqualTo("Invalid 'startDate': must be a date in the years 2000..2999.");
        assertThat(storedBudgets("t-poison")).isZero();
        admin().get()
                .uri("/admin/tenant/t-poison/budgets")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data")
                .isEmpty();
        // and the edges of the range are budgets an operator can mean
        postBudget("t-poison", customBody("2000-01-01", "2999-12-31"))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.startDate")
                .isEqualTo("2000-01-01")
                .jsonPath("$.endDate")
                .isEqualTo("2999-12-31");
    }

    @Test
    void aCorruptBudgetRowNeitherHidesTheTenantsOtherBudgetsNorStopsOtherTenantsRevocations() {
        // given a tenant with a good budget and, as a corrupted database would hold, one whose end precedes its start
        createTenant("t-corrupt");
        postBudget("t-corrupt", Map.of("period", "monthly", "limitUsd", 7))
                .expectStatus()
                .isCreated();
        insertCorruptBudget("t-corrupt", "00000000-0000-0000-0000-00000000bad1");
        createTenant("t-bystander");
        var revoked = issueKey("t-bystander");
        createTenant("t-deleted");
        var orphaned = issueKey("t-deleted");

        // when another tenant's key is revoked and a third tenant is deleted
        admin().delete()
                .uri("/admin/tenant/t-bystander/apikeys/{keyId}", revoked.id())
                .exchange()
                .expectStatus()
                .isOk();
        admin().delete()
                .uri("/admin/tenant/t-deleted")
                .exchange()
                .expectStatus()
                .isOk();

        // then both keys are refused on the very next request
        proxyCall("t-bystander", revoked.key()).expectStatus().isUnauthorized();
        proxyCall("t-deleted", orphaned.key()).expectStatus().isUnauthorized();
        // and the corrupt tenant's listing still answers with its readable budget
        admin().get()
                .uri("/admin/tenant/t-corrupt/budgets")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.length()")
                .isEqualTo(1)
                .jsonPath("$.data[0].period")
                .isEqualTo("monthly")
                .jsonPath("$.data[0].limitUsd")
                .isEqualTo("7");
        admin().get().uri("/admin/tenant/t-corrupt").exchange().expectStatus().isOk();
    }

    @Test
    void repeatedKeysAndOtherMalformedJsonAreA400InTheErrorShape() {
        // given
        createTenant("t-json");

        // when / then
        for (String body : List.of(
                "{\"period\":\"monthly\",\"period\":\"daily\",\"limitUsd\":5}",
                "{\"period\":\"monthly\",\"limitUsd\":5,\"limitUsd\":0}",
                "{\"period\":\"monthly\",\"limitUsd\":5,\"thresholds\":[50],\"thresholds\":[90]}",
                "{\"period\":\"monthly\",\"limitUsd\":5,}",
                "{\"period\":\"monthly\",\"limitUsd\":5} trailing",
                "{\"period\":\"monthly\",\"limitUsd\":5}{}",
                "[{\"period\":\"monthly\",\"limitUsd\":5}]",
                "\"monthly\"",
                "{\"period\":'monthly',\"limitUsd\":5}",
                "{\"period\":\"monthly\",\"limitUsd\":NaN}",
                "{\"period\":\"monthly\",\"limitUsd\":5")) {
            var response = admin().post()
                    .uri("/admin/tenant/t-json/budgets")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange();
            expectError(response, HttpStatus.BAD_REQUEST, "invalid_request_error", null, "invalid_json");
        }
        postBudgetText("t-json", "{\"period\":\"monthly\",\"period\":\"daily\",\"limitUsd\":5}")
                .expectBody()
                .jsonPath("$.error.message")
                .isEqualTo("The request body is not valid JSON: an object repeats a key.");
        var tenant = admin().post()
                .uri("/admin/tenant")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"t-json-a\",\"name\":\"t-json-b\"}")
                .exchange();
        expectError(tenant, HttpStatus.BAD_REQUEST, "invalid_request_error", null, "invalid_json");
        assertThat(storedBudgets("t-json")).isZero();
    }

    @Test
    void fixedOffsetZonesAreRefusedAndEveryNameOfUtcIsAccepted() {
        // given
        createTenant("t-zones");

        // when / then
        for (String fixed : List.of("Etc/GMT+3", "Etc/GMT-14", "EST", "+02:00", "UTC+3")) {
            var refused = postBudget("t-zones", Map.of("period", "daily", "limitUsd", 5, "timezone", fixed));
            expectError(refused, HttpStatus.BAD_REQUEST, "invalid_request_error", "timezone", "invalid_value");
        }
        postBudget("t-zones", Map.of("period", "daily", "limitUsd", 5, "timezone", "Etc/GMT+3"))
                .expectBody()
                .jsonPath("$.error.message")
                .isEqualTo("Invalid 'timezone': must be an IANA region time zone such as Europe/Berlin, or UTC;"
                        + " fixed offsets such as Etc/GMT+3 or +02:00 are refused because they ignore DST.");
        for (String utc : List.of("UTC", "Etc/UTC", "GMT")) {
            postBudget("t-zones", Map.of("period", "daily", "limitUsd", 5, "timezone", utc))
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.timezone")
                    .isEqualTo(utc);
        }
        postBudget("t-zones", Map.of("period", "daily", "limitUsd", 5))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.timezone")
                .isEqualTo("UTC");
        assertThat(storedBudgets("t-zones")).isEqualTo(4);
    }

    private static Map<String, Object> customBody(String start, String end) {
        return Map.of("period", "custom", "limitUsd", 5, "startDate", start, "endDate", end);
    }

    private void insertCorruptBudget(String tenant, String id) {
        jdbc.sql("INSERT INTO budget (id, tenant_id, period, custom_start, custom_end, limit_usd, time_zone,"
                        + " thresholds, created_at) VALUES (:id, :tenant, 'custom', DATE '2026-12-31',"
                        + " DATE '2026-01-01', 5, 'UTC', '50,80,100', :createdAt)")
                .param("id", id)
                .param("tenant", tenant)
                .param("createdAt", OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .update();
    }

    private long storedBudgets(String tenant) {
        return jdbc.sql("SELECT COUNT(*) FROM budget WHERE tenant_id = :tenant")
                .param("tenant", tenant)
                .query(Long.class)
                .single();
    }

    private WebTestClient.ResponseSpec postBudget(String tenant, Map<String, Object> body) {
        return admin().post()
                .uri("/admin/tenant/{id}/budgets", tenant)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec postBudgetText(String tenant, String body) {
        return admin().post()
                .uri("/admin/tenant/{id}/budgets", tenant)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec proxyCall(String tenant, String key) {
        return client.post()
                .uri("/v1/chat/completions")
                .header("X-Tenant-Id", tenant)
                .header("X-API-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        "{\"model\":\"gpt-4o\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange();
    }

    private WebTestClient admin() {
        return client.mutate()
                .defaultHeader(AdminKeyFilter.HEADER, AdminApiScenarios.ADMIN_KEY)
                .build();
    }

    private void createTenant(String name) {
        admin().post()
                .uri("/admin/tenant")
                .bodyValue(Map.of("name", name))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private AdminApiScenarios.IssuedKeyJson issueKey(String tenant) {
        return admin().post()
                .uri("/admin/tenant/{id}/apikeys", tenant)
                .bodyValue(Map.of("name", "k"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(AdminApiScenarios.IssuedKeyJson.class)
                .returnResult()
                .getResponseBody();
    }
}
