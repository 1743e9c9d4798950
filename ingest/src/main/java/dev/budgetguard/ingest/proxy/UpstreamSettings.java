package dev.budgetguard.ingest.proxy;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how one provider's calls are forwarded; each provider's properties record produces one.
 *
 * @param name the provider, used for the connection pool's name and in messages
 * @param baseUrl API root that each request's upstream path is appended to
 * @param connectTimeout time allowed to open a connection; past it the client gets 504
 * @param responseTimeout longest silence allowed while waiting for or reading the answer; past it the client gets 504
 * @param maxConnections pooled connections to the provider
 */
public record UpstreamSettings(
        String name, URI baseUrl, Duration connectTimeout, Duration responseTimeout, int maxConnections) {

    public UpstreamSettings {
        String prefix = "budgetguard.providers." + name + ".";
        if (baseUrl == null || baseUrl.getScheme() == null || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(prefix + "base-url must be an absolute http(s) URL, was " + baseUrl);
        }
        requirePositive(prefix + "connect-timeout", connectTimeout);
        requirePositive(prefix + "response-timeout", responseTimeout);
        if (maxConnections <= 0) {
            throw new IllegalArgumentException(prefix + "max-connections must be positive, was " + maxConnections);
        }
    }

    /** The base URL without a trailing slash, so that appending a path never doubles it. */
    public String baseUrlText() {
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static void requirePositive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }
}
