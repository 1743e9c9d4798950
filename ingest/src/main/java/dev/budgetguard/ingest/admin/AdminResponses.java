package dev.budgetguard.ingest.admin;

import dev.budgetguard.ingest.tenant.ApiKey;
import dev.budgetguard.ingest.tenant.IssuedApiKey;
import dev.budgetguard.ingest.tenant.Tenant;
import java.time.Instant;
import java.util.List;

/** Response bodies of the admin API. Only {@link IssuedKey} ever carries a key, and only once. */
final class AdminResponses {

    private AdminResponses() {}

    /** {@code id} and {@code name} are the same value, as in the original where the name addresses the tenant. */
    record TenantView(String id, String name, int rateLimitPerMin, Instant createdAt, List<KeyView> apiKeys) {
        static TenantView of(Tenant tenant) {
            String id = tenant.id().value();
            return new TenantView(
                    id,
                    id,
                    tenant.rateLimit().perMinute(),
                    tenant.createdAt(),
                    tenant.apiKeys().stream().map(KeyView::of).toList());
        }
    }

    record KeyView(String id, String name, String prefix, Instant createdAt, Instant revokedAt) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.id(), key.name(), key.prefix(), key.createdAt(), key.revokedAt());
        }
    }

    record IssuedKey(String id, String name, String key, String prefix, Instant createdAt) {
        static IssuedKey of(IssuedApiKey issued) {
            ApiKey key = issued.apiKey();
            return new IssuedKey(key.id(), key.name(), issued.secret(), key.prefix(), key.createdAt());
        }

        @Override
        public String toString() {
            return "IssuedKey[id=" + id + ", name=" + name + ", key=<redacted>, prefix=" + prefix + "]";
        }
    }
}
