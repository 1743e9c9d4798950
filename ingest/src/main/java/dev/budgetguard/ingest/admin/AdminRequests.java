package dev.budgetguard.ingest.admin;

import dev.budgetguard.ingest.tenant.ApiKey;
import dev.budgetguard.ingest.tenant.RateLimit;
import dev.budgetguard.ingest.tenant.TenantId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Request bodies and path values of the admin API, turned into domain values or a 400 naming the bad field. */
final class AdminRequests {

    private AdminRequests() {}

    /** {@code POST /admin/tenant}; {@code name} becomes the tenant id. */
    record CreateTenant(String name, Integer rateLimitPerMin, List<Object> budgets) {

        TenantId tenantId() {
            if (name == null) {
                throw AdminApiException.invalidRequest("name", "missing_field", "'name' is required.");
            }
            return field("name", name, TenantId::new);
        }

        RateLimit rateLimit() {
            return rateLimitPerMin == null
                    ? RateLimit.UNLIMITED
                    : AdminRequests.rateLimit("rateLimitPerMin", rateLimitPerMin);
        }

        /** Budgets arrive with enforcement; until then, accepting them silently would promise a cap nobody keeps. */
        void requireNoBudgets() {
            if (budgets != null && !budgets.isEmpty()) {
                throw AdminApiException.invalidRequest(
                        "budgets",
                        "unsupported_field",
                        "'budgets' is not supported yet; create the tenant without budgets.");
            }
        }
    }

    /** {@code POST /admin/tenant/{id}/apikeys}; the body and its name are optional. */
    record CreateKey(String name) {

        static final String DEFAULT_NAME = "default";

        String keyName() {
            return name == null ? DEFAULT_NAME : field("name", name, ApiKey::requireValidName);
        }
    }

    /** {@code PUT|GET /admin/tenant/{id}/ratelimit}, in both directions. */
    record RateLimitBody(Integer rateLimitPerMin) {

        static RateLimitBody of(RateLimit rateLimit) {
            return new RateLimitBody(rateLimit.perMinute());
        }

        RateLimit rateLimit() {
            if (rateLimitPerMin == null) {
                throw AdminApiException.invalidRequest(
                        "rateLimitPerMin", "missing_field", "'rateLimitPerMin' is required.");
            }
            return AdminRequests.rateLimit("rateLimitPerMin", rateLimitPerMin);
        }
    }

    static TenantId tenantIdFromPath(String id) {
        return field("id", id, TenantId::new);
    }

    static String keyIdFromPath(String keyId) {
        return field("keyId", keyId, value -> UUID.fromString(value).toString());
    }

    private static RateLimit rateLimit(String field, int perMinute) {
        return field(field, perMinute, RateLimit::new);
    }

    private static <T, R> R field(String field, T value, Function<T, R> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw AdminApiException.invalidRequest(
                    field, "invalid_value", "Invalid '" + field + "': " + e.getMessage());
        }
    }
}
