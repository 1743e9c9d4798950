package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.proxy.MeteredRouteHandler;
import dev.budgetguard.ingest.tenant.TenantAuthenticator;
import dev.budgetguard.ingest.testing.FixedTenants;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Tenants and a raw HTTP/1.1 client shared by the proxy's integration tests. */
final class ProxyTestSupport {

    static final String ACME = "acme";
    static final String ACME_KEY = "bg-acme-0123456789";
    static final String BOREALIS = "borealis";
    static final String BOREALIS_KEY = "bg-borealis-9876543210";
    static final String SERVER_KEY = "sk-server-test-key";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ProxyTestSupport() {}

    @TestConfiguration(proxyBeanMethods = false)
    static class Tenants {
        @Bean
        @Primary
        TenantAuthenticator fixedTenants() {
            return new FixedTenants(Map.of(ACME, ACME_KEY, BOREALIS, BOREALIS_KEY));
        }
    }

    static HttpResponse<String> post(int port, Map<String, String> headers, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + ChatCompletionsEndpoint.ROUTE))
                .header("Content-Type", "application/json")
                .POST(body);
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(int port, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        return post(port, headers, HttpRequest.BodyPublishers.ofString(body));
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> as(String tenant, String key) {
        return Map.of("X-Tenant-Id", tenant, "X-API-Key", key, "Authorization", "Bearer sk-client-unused");
    }

    static String requestId(HttpResponse<?> response) {
        return response.headers()
                .firstValue(MeteredRouteHandler.REQUEST_ID_HEADER)
                .orElseThrow(() -> new AssertionError("no request id header"));
    }
}
