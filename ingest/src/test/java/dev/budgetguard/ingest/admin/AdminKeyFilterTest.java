package dev.budgetguard.ingest.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

class AdminKeyFilterTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @Test
    void withoutAConfiguredKeyTheAdminApiAnswers503AndOtherPathsPass() {
        // given
        var filter = new AdminKeyFilter(new AdminProperties(
                AdminApiKey.valueOf(""), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ZERO));
        var passed = new AtomicBoolean();
        WebFilterChain chain = exchange -> Mono.fromRunnable(() -> passed.set(true));

        // when
        var admin = filter.filter(
                MockServerWebExchange.from(
                        MockServerHttpRequest.get("/admin/tenant/acme").header(AdminKeyFilter.HEADER, KEY)),
                chain);
        filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/health")), chain)
                .block();

        // then
        assertThatThrownBy(admin::block).isInstanceOfSatisfying(AdminApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(e.code()).isEqualTo("admin_api_disabled");
            assertThat(e.getMessage()).contains("ADMIN_API_KEY");
        });
        assertThat(passed).isTrue();
    }

    @Test
    void theRightKeyPassesTheFilter() {
        // given
        var filter = new AdminKeyFilter(new AdminProperties(
                AdminApiKey.valueOf(KEY), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ZERO));
        var passed = new AtomicBoolean();

        // when
        filter.filter(
                        MockServerWebExchange.from(
                                MockServerHttpRequest.post("/admin/tenant").header(AdminKeyFilter.HEADER, KEY)),
                        exchange -> Mono.fromRunnable(() -> passed.set(true)))
                .block();

        // then
        assertThat(passed).isTrue();
    }

    @Test
    void theConfiguredKeyNeverShowsInToStringAndShortKeysAreRejected() {
        // given
        var properties = new AdminProperties(
                AdminApiKey.valueOf(KEY), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ZERO);

        // when / then
        assertThat(properties.toString()).doesNotContain(KEY).contains("<redacted>");
        assertThat(properties.apiKey().matches(KEY)).isTrue();
        assertThat(properties.apiKey().matches(KEY.substring(1))).isFalse();
        assertThat(AdminApiKey.notConfigured().matches("")).isFalse();
        AdminApiKey tooShort = AdminApiKey.valueOf("short-key");
        assertThat(tooShort.configured()).isFalse();
        assertThat(tooShort.matches("short-key")).isFalse();
        assertThat(tooShort.disabledReason()).contains("at least 16 characters").doesNotContain("short-key");
        assertThatThrownBy(() -> new AdminProperties(null, Duration.ZERO, Duration.ofSeconds(30), Duration.ZERO))
                .hasMessageContaining("budgetguard.admin.directory-refresh");
    }
}
