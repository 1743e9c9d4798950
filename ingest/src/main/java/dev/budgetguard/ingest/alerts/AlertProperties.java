package dev.budgetguard.ingest.alerts;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how budget alerts are delivered.
 *
 * @param webhookUrl an http(s) URL the JSON event is POSTed to; unset: alerts are only logged and recorded
 * @param queueCapacity crossings waiting for the alert thread beyond which new ones are dropped (and logged)
 * @param maxAttempts webhook attempts per event before it is left undelivered
 * @param initialBackoff wait after the first failed attempt; doubled after each further one
 * @param maxBackoff the longest wait between attempts
 * @param requestTimeout how long one webhook attempt may take
 */
@ConfigurationProperties("budgetguard.alerts")
public record AlertProperties(
        URI webhookUrl,
        @DefaultValue("1000") int queueCapacity,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("1m") Duration maxBackoff,
        @DefaultValue("5s") Duration requestTimeout) {

    public AlertProperties {
        if (webhookUrl != null && !("http".equals(webhookUrl.getScheme()) || "https".equals(webhookUrl.getScheme()))) {
            throw new IllegalArgumentException(
                    "budgetguard.alerts.webhook-url must be http or https, was " + webhookUrl.getScheme());
        }
        if (queueCapacity <= 0) {
            throw new IllegalArgumentException(
                    "budgetguard.alerts.queue-capacity must be positive, was " + queueCapacity);
        }
        if (maxAttempts <= 0) {
            throw new IllegalArgumentException("budgetguard.alerts.max-attempts must be positive, was " + maxAttempts);
        }
        requirePositive("initial-backoff", initialBackoff);
        requirePositive("max-backoff", maxBackoff);
        requirePositive("request-timeout", requestTimeout);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("budgetguard.alerts." + name + " must be positive, was " + value);
        }
    }
}
