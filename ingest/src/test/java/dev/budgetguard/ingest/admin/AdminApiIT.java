package dev.budgetguard.ingest.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AdminApiScenarios} on the default H2 file database, and the docs, which do not depend on the database. */
class AdminApiIT extends AdminApiScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + h2File());
    }

    private static Path h2File() {
        return dataDir.resolve("budgetguard");
    }

    @Test
    void theOpenApiDocumentDescribesAdminAndProxyRoutesWithoutTheAdminKey() {
        // when
        var spec = client.get().uri("/docs/openapi.json").exchange();

        // then
        spec.expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Content-Security-Policy", SecurityHeadersFilter.DOCS_CSP)
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody()
                .jsonPath("$.openapi")
                .value(version -> assertThat(version.toString()).startsWith("3."))
                .jsonPath("$.paths['/admin/tenant/{id}/budgets'].post")
                .exists()
                .jsonPath("$.paths['/admin/tenant/{id}/apikeys/{keyId}/rotate'].post")
                .exists()
                .jsonPath("$.paths['/admin/audit'].get")
                .exists()
                .jsonPath("$.paths['/admin/tenant/{id}/ratelimit'].put.security[0].adminKey")
                .exists()
                .jsonPath("$.paths['/v1/chat/completions'].post.responses['402']")
                .exists()
                .jsonPath("$.paths['/v1/chat/completions'].post.security[0].tenantKey")
                .exists()
                .jsonPath("$.paths['/v1/messages'].post.responses['402']")
                .exists()
                .jsonPath("$.paths['/v1/responses'].post")
                .exists()
                .jsonPath("$.paths['/v1/embeddings'].post")
                .exists()
                .jsonPath("$.paths['/v1/completions'].post")
                .exists()
                .jsonPath("$.paths['/v1beta/models/{model}:streamGenerateContent'].post.parameters[0].name")
                .isEqualTo("model")
                .jsonPath("$.components.securitySchemes.adminKey.name")
                .isEqualTo("X-Admin-Key");
    }

    private URI follow(URI from) {
        var redirect =
                client.get().uri(from.toString()).exchange().expectStatus().is3xxRedirection();
        return redirect.returnResult(Void.class).getResponseHeaders().getLocation();
    }

    @Test
    void theDocsPageIsServedUnderDocsWithItsOwnPolicy() {
        // when
        URI page = follow(follow(URI.create("/docs")));

        // then
        assertThat(page).isNotNull();
        assertThat(page.getPath()).startsWith("/docs/");
        client.get()
                .uri(page.toString())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Content-Security-Policy", SecurityHeadersFilter.DOCS_CSP)
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("swagger-ui").doesNotContain("<script>"));
    }
}
