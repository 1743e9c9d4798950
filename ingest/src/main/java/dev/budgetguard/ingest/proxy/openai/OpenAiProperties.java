package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.proxy.ProviderKey;
import dev.budgetguard.ingest.proxy.UpstreamSettings;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how OpenAI calls are forwarded.
 *
 * @param baseUrl API root that each route's path ({@code /chat/completions}) is appended to
 * @param apiKey the server's key, sent as {@code Authorization: Bearer}; bound from {@code OPENAI_API_KEY}
 * @param connectTimeout time allowed to open a connection; past it the client gets 504
 * @param responseTimeout longest silence allowed while waiting for or reading the answer; past it the client gets 504
 * @param maxConnections pooled connections to the provider
 */
@ConfigurationProperties("budgetguard.providers.openai")
public record OpenAiProperties(
        @DefaultValue("https://api.openai.com/v1") URI baseUrl,
        @DefaultValue("") ProviderKey apiKey,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10m") Duration responseTimeout,
        @DefaultValue("500") int maxConnections) {

    public OpenAiProperties {
        settings(baseUrl, connectTimeout, responseTimeout, maxConnections);
        apiKey = apiKey == null ? new ProviderKey("") : apiKey;
    }

    public UpstreamSettings settings() {
        return settings(baseUrl, connectTimeout, responseTimeout, maxConnections);
    }

    private static UpstreamSettings settings(URI baseUrl, Duration connect, Duration response, int maxConnections) {
        return new UpstreamSettings("openai", baseUrl, connect, response, maxConnections);
    }
}
