package dev.budgetguard.ingest.proxy.anthropic;

import dev.budgetguard.ingest.proxy.ProviderKey;
import dev.budgetguard.ingest.proxy.UpstreamSettings;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how Anthropic calls are forwarded. Tenants never choose the host and never see the key.
 *
 * @param baseUrl API root that each request's path ({@code /messages}) is appended to
 * @param apiKey the server's key, sent as {@code x-api-key}; bound from {@code ANTHROPIC_API_KEY}
 * @param connectTimeout time allowed to open a connection; past it the client gets 504
 * @param responseTimeout longest silence allowed while waiting for or reading the answer; past it the client gets 504
 * @param maxConnections pooled connections to the provider
 */
@ConfigurationProperties("budgetguard.providers.anthropic")
public record AnthropicProperties(
        @DefaultValue("https://api.anthropic.com/v1") URI baseUrl,
        @DefaultValue("") ProviderKey apiKey,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10m") Duration responseTimeout,
        @DefaultValue("500") int maxConnections) {

    public AnthropicProperties {
        settings(baseUrl, connectTimeout, responseTimeout, maxConnections);
        apiKey = apiKey == null ? new ProviderKey("") : apiKey;
    }

    public UpstreamSettings settings() {
        return settings(baseUrl, connectTimeout, responseTimeout, maxConnections);
    }

    private static UpstreamSettings settings(URI baseUrl, Duration connect, Duration response, int maxConnections) {
        return new UpstreamSettings("anthropic", baseUrl, connect, response, maxConnections);
    }
}
