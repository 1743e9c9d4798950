package dev.budgetguard.ingest.admin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code budgetguard.admin}: the admin API key ({@code ADMIN_API_KEY}; unset leaves the admin API answering 503), how
 * often this node re-reads tenants, keys, budgets and limits that other nodes changed, how often it writes keys'
 * last-use times back, and the grace a rotated key keeps when the rotation does not say.
 */
@ConfigurationProperties("budgetguard.admin")
public record AdminProperties(
        AdminApiKey apiKey,
        @DefaultValue("5s") Duration directoryRefresh,
        @DefaultValue("30s") Duration lastUsedFlush,
        @DefaultValue("0s") Duration keyRotationGrace) {
    public AdminProperties {
        if (apiKey == null) {
            apiKey = AdminApiKey.notConfigured();
        }
        requirePositive("directory-refresh", directoryRefresh);
        requirePositive("last-used-flush", lastUsedFlush);
        if (keyRotationGrace == null
                || keyRotationGrace.isNegative()
                || keyRotationGrace.compareTo(AdminRequests.MAX_ROTATION_GRACE) > 0) {
            throw new IllegalArgumentException("budgetguard.admin.key-rotation-grace must be 0s to "
                    + AdminRequests.MAX_ROTATION_GRACE + ", was " + keyRotationGrace);
        }
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(
                    "budgetguard.admin." + key + " must be a positive duration, was " + value);
        }
    }
}
