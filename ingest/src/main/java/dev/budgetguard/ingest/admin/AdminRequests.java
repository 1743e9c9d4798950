package dev.budgetguard.ingest.admin;

import dev.budgetguard.ingest.admin.BudgetRequests.BudgetBody;
import dev.budgetguard.ingest.audit.Actor;
import dev.budgetguard.ingest.ratelimit.RateLimit;
import dev.budgetguard.ingest.tenant.ApiKey;
import dev.budgetguard.ingest.tenant.TenantId;
import dev.budgetguard.schemas.budget.Budget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Request bodies, headers and path values of the admin API, turned into domain values or a 400 naming the field. */
final class AdminRequests {

    static final String ACTOR_HEADER = "X-Admin-Actor";
    /** The longest rotation grace an operator may ask for: long enough to roll out a key, short enough to matter. */
    static final Duration MAX_ROTATION_GRACE = Duration.ofDays(30);

    private AdminRequests() {}

    /** {@code POST /admin/tenant}; {@code name} becomes the tenant id; budgets are created with it, atomically. */
    record CreateTenant(String name, Integer rateLimitPerMin, Long tokensPerMin, List<BudgetBody> budgets) {

        TenantId tenantId() {
            if (name == null) {
                throw AdminApiException.invalidRequest("name", "missing_field", "'name' is required.");
            }
            return field("name", name, TenantId::new);
        }

        RateLimit rateLimit() {
            int requests = rateLimitPerMin == null ? 0 : rateLimitPerMin;
            long tokens = tokensPerMin == null ? 0 : tokensPerMin;
            return AdminRequests.rateLimit(requests, tokens);
        }

        List<Budget> initialBudgets(TenantId id) {
            if (budgets == null) {
                return List.of();
            }
            List<Budget> parsed = new ArrayList<>();
            for (int i = 0; i < budgets.size(); i++) {
                BudgetBody body = budgets.get(i);
                if (body == null) {
                    throw AdminApiException.invalidRequest(
                            "budgets." + i, "invalid_value", "'budgets." + i + "' must be an object.");
                }
                parsed.add(body.budget(id, "budgets." + i + "."));
            }
            return parsed;
        }
    }

    /** {@code POST /admin/tenant/{id}/apikeys}; the body and its name are optional. */
    record CreateKey(String name) {

        static final String DEFAULT_NAME = "default";

        String keyName() {
            return name == null ? DEFAULT_NAME : field("name", name, ApiKey::requireValidName);
        }
    }

    /** {@code POST /admin/tenant/{id}/apikeys/{keyId}/rotate}; without a body the configured grace applies. */
    record RotateKey(Long graceSeconds) {

        Duration grace(Duration configured) {
            if (graceSeconds == null) {
                return configured;
            }
            if (graceSeconds < 0 || graceSeconds > MAX_ROTATION_GRACE.toSeconds()) {
                throw AdminApiException.invalidRequest(
                        "graceSeconds",
                        "invalid_value",
                        "Invalid 'graceSeconds': must be 0 to " + MAX_ROTATION_GRACE.toSeconds() + ".");
            }
            return Duration.ofSeconds(graceSeconds);
        }
    }

    /**
     * {@code PUT|GET /admin/tenant/{id}/ratelimit}, in both directions; 0 = unlimited. A PUT without
     * {@code tokensPerMin} keeps the current token limit, so clients of the original API cannot drop it by accident.
     */
    record RateLimitBody(Integer rateLimitPerMin, Long tokensPerMin) {

        static RateLimitBody of(RateLimit rateLimit) {
            return new RateLimitBody(rateLimit.requestsPerMinute(), rateLimit.tokensPerMinute());
        }

        int requestsPerMinute() {
            if (rateLimitPerMin == null) {
                throw AdminApiException.invalidRequest(
                        "rateLimitPerMin", "missing_field", "'rateLimitPerMin' is required.");
            }
            rateLimit(rateLimitPerMin, tokensPerMin == null ? 0 : tokensPerMin);
            return rateLimitPerMin;
        }
    }

    static Actor actor(String operator) {
        return field(ACTOR_HEADER, operator, Actor::admin);
    }

    static TenantId tenantIdFromPath(String id) {
        return field("id", id, TenantId::new);
    }

    static String keyIdFromPath(String keyId) {
        return uuid("keyId", keyId);
    }

    static String budgetIdFromPath(String budgetId) {
        return uuid("budgetId", budgetId);
    }

    private static String uuid(String field, String value) {
        return field(field, value, text -> UUID.fromString(text).toString());
    }

    private static RateLimit rateLimit(int requestsPerMinute, long tokensPerMinute) {
        if (requestsPerMinute < 0) {
            throw AdminApiException.invalidRequest(
                    "rateLimitPerMin", "invalid_value", "Invalid 'rateLimitPerMin': must be 0 (unlimited) or more.");
        }
        if (tokensPerMinute < 0) {
            throw AdminApiException.invalidRequest(
                    "tokensPerMin", "invalid_value", "Invalid 'tokensPerMin': must be 0 (unlimited) or more.");
        }
        return new RateLimit(requestsPerMinute, tokensPerMinute);
    }

    static <T, R> R field(String field, T value, Function<T, R> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw AdminApiException.invalidRequest(
                    field, "invalid_value", "Invalid '" + field + "': " + e.getMessage());
        }
    }
}
