package dev.budgetguard.ingest.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderPolicyTest {

    private final HeaderPolicy anthropicLike = new HeaderPolicy(
            List.of("content-type", "anthropic-version", "anthropic-beta"),
            List.of("x-stainless-"),
            List.of("content-type", "request-id"),
            List.of("anthropic-ratelimit-"),
            List.of("anthropic-organization-id"));

    @Test
    void onlyListedClientHeadersGoUpstreamAndNeverTheTenantsCredentials() {
        // given a client sending its BudgetGuard credentials, a bearer token and provider headers
        HttpHeaders client = new DefaultHttpHeaders()
                .add("X-API-Key", "bg-acme-secret")
                .add("X-Tenant-Id", "acme")
                .add("Authorization", "Bearer sk-client")
                .add("anthropic-version", "2023-06-01")
                .add("X-Stainless-Lang", "java")
                .add("Accept-Encoding", "gzip");
        HttpHeaders upstream = new DefaultHttpHeaders().add("x-api-key", "sk-ant-server");

        // when
        anthropicLike.toUpstream(client, upstream);

        // then the server's key stays the only key, and only the provider's headers passed
        assertThat(upstream.getAll("x-api-key")).containsExactly("sk-ant-server");
        assertThat(upstream.get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(upstream.get("x-stainless-lang")).isEqualTo("java");
        assertThat(upstream.contains("x-tenant-id")).isFalse();
        assertThat(upstream.contains("authorization")).isFalse();
        assertThat(upstream.contains("accept-encoding")).isFalse();
        assertThat(upstream.get("content-type")).isEqualTo("application/json");
    }

    @Test
    void theOperatorsAccountHeaderNeverReachesTheClient() {
        // given
        HttpHeaders upstream = new DefaultHttpHeaders()
                .add("request-id", "req_1")
                .add("anthropic-ratelimit-requests-remaining", "9")
                .add("anthropic-organization-id", "org-operator")
                .add("x-internal", "no");
        HttpHeaders client = new DefaultHttpHeaders();

        // when
        anthropicLike.toClient(upstream, client);

        // then
        assertThat(client.names()).containsExactlyInAnyOrder("request-id", "anthropic-ratelimit-requests-remaining");
    }

    @Test
    void aPolicyThatWouldForwardCredentialsIsRefused() {
        assertThatThrownBy(() -> new HeaderPolicy(List.of("X-API-Key"), List.of(), List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X-API-Key");
        assertThatThrownBy(() -> new HeaderPolicy(List.of(), List.of("x-"), List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x-");
    }
}
