package dev.budgetguard.ingest.admin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code budgetguard.admin}: the admin API key ({@code ADMIN_API_KEY}; unset leaves the admin API answering 503) and
 * how often this node re-reads tenants and keys that other nodes changed.
 */
@ConfigurationProperties("budgetguard.admin")
public record AdminProperties(
        AdminApiKey apiKey, @DefaultValue("5s") Duration directoryRefresh) {
    public AdminProperties {
        if (apiKey == null) {
            apiKey = AdminApiKey.notConfigured();
        }
        if (directoryRefresh == null || directoryRefresh.isZero() || directoryRefresh.isNegative()) {
            throw new IllegalArgumentException(
                    "budgetguard.admin.directory-refresh must be a positive duration, was " + directoryRefresh);
        }
    }
}
