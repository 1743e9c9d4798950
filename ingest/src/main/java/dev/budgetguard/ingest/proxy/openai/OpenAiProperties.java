package dev.budgetguard.ingest.proxy.openai;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how OpenAI calls are forwarded.
 *
 * @param baseUrl API root that {@code /chat/completions} is appended to
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
        if (baseUrl == null || baseUrl.getScheme() == null || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    "budgetguard.providers.openai.base-url must be an absolute http(s) URL, was " + baseUrl);
        }
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("response-timeout", responseTimeout);
        if (maxConnections <= 0) {
            throw new IllegalArgumentException(
                    "budgetguard.providers.openai.max-connections must be positive, was " + maxConnections);
        }
        apiKey = apiKey == null ? new ProviderKey("") : apiKey;
    }

    /** The base URL without a trailing slash, so that appending a path never doubles it. */
    public String baseUrlText() {
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static void requirePositive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(
                    "budgetguard.providers.openai." + field + " must be positive, was " + value);
        }
    }
}
