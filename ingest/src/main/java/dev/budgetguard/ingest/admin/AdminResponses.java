package dev.budgetguard.ingest.admin;

import dev.budgetguard.ingest.ratelimit.RateLimit;
import dev.budgetguard.ingest.tenant.ApiKey;
import dev.budgetguard.ingest.tenant.IssuedApiKey;
import dev.budgetguard.ingest.tenant.RotatedApiKey;
import dev.budgetguard.ingest.tenant.Tenant;
import java.time.Instant;
import java.util.List;

/** Response bodies of the tenant and key routes. Only {@link IssuedKey} ever carries a key, and only once. */
final class AdminResponses {

    private AdminResponses() {}

    /** {@code id} and {@code name} are the same value, as in the original where the name addresses the tenant. */
    record TenantView(
            String id,
            String name,
            int rateLimitPerMin,
            long tokensPerMin,
            Instant createdAt,
            List<KeyView> apiKeys,
            List<BudgetViews.BudgetView> budgets) {
        static TenantView of(Tenant tenant) {
            String id = tenant.id().value();
            RateLimit limit = tenant.rateLimit();
            return new TenantView(
                    id,
                    id,
                    limit.requestsPerMinute(),
                    limit.tokensPerMinute(),
                    tenant.createdAt(),
                    tenant.apiKeys().stream().map(KeyView::of).toList(),
                    tenant.budgets().stream().map(BudgetViews.BudgetView::of).toList());
        }
    }

    record DeletedTenant(String id, String object, boolean deleted, Instant deletedAt) {
        static DeletedTenant of(String id, Instant deletedAt) {
            return new DeletedTenant(id, "tenant", true, deletedAt);
        }
    }

    /** {@code lastUsedAt} is as last flushed to the database, so it lags real use by up to the flush interval. */
    record KeyView(
            String id,
            String name,
            String prefix,
            Instant createdAt,
            Instant revokedAt,
            Instant expiresAt,
            Instant lastUsedAt) {
        static KeyView of(ApiKey key) {
            return new KeyView(
                    key.id(),
                    key.name(),
                    key.prefix(),
                    key.createdAt(),
                    key.revokedAt(),
                    key.expiresAt(),
                    key.lastUsedAt());
        }
    }

    record IssuedKey(String id, String name, String key, String prefix, Instant createdAt, KeyView replacedKey) {
        static IssuedKey of(IssuedApiKey issued) {
            ApiKey key = issued.apiKey();
            return new IssuedKey(key.id(), key.name(), issued.secret(), key.prefix(), key.createdAt(), null);
        }

        static IssuedKey of(RotatedApiKey rotated) {
            ApiKey key = rotated.successor().apiKey();
            return new IssuedKey(
                    key.id(),
                    key.name(),
                    rotated.successor().secret(),
                    key.prefix(),
                    key.createdAt(),
                    KeyView.of(rotated.replaced()));
        }

        @Override
        public String toString() {
            return "IssuedKey[id=" + id + ", name=" + name + ", key=<redacted>, prefix=" + prefix + "]";
        }
    }
}
