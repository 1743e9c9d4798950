package dev.budgetguard.ingest.tenant;

import static dev.budgetguard.ingest.tenant.SqlTime.instant;
import static dev.budgetguard.ingest.tenant.SqlTime.utc;

import dev.budgetguard.ingest.ratelimit.RateLimit;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tenants in the {@code tenant} table, in SQL that runs on H2 and PostgreSQL. */
@Repository
class JdbcTenantStore implements TenantStore {

    private final JdbcClient jdbc;

    JdbcTenantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void createTenant(TenantId id, RateLimit rateLimit, Instant createdAt) {
        try {
            jdbc.sql("INSERT INTO tenant (id, rate_limit_per_min, tokens_per_min, created_at)"
                            + " VALUES (:id, :requests, :tokens, :createdAt)")
                    .param("id", id.value())
                    .param("requests", rateLimit.requestsPerMinute())
                    .param("tokens", rateLimit.tokensPerMinute())
                    .param("createdAt", utc(createdAt))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new TenantAlreadyExistsException(id, e);
        }
    }

    @Override
    public Optional<TenantRow> findTenant(TenantId id) {
        return jdbc.sql("SELECT rate_limit_per_min, tokens_per_min, created_at FROM tenant"
                        + " WHERE id = :id AND deleted_at IS NULL")
                .param("id", id.value())
                .query((rs, row) -> new TenantRow(
                        id,
                        new RateLimit(rs.getInt("rate_limit_per_min"), rs.getLong("tokens_per_min")),
                        instant(rs, "created_at")))
                .optional();
    }

    @Override
    public boolean updateRateLimit(TenantId id, int requestsPerMinute, Long tokensPerMinute) {
        var update = tokensPerMinute == null
                ? jdbc.sql("UPDATE tenant SET rate_limit_per_min = :requests WHERE id = :id AND deleted_at IS NULL")
                : jdbc.sql("UPDATE tenant SET rate_limit_per_min = :requests, tokens_per_min = :tokens"
                                + " WHERE id = :id AND deleted_at IS NULL")
                        .param("tokens", tokensPerMinute);
        return update.param("requests", requestsPerMinute)
                        .param("id", id.value())
                        .update()
                == 1;
    }

    @Override
    public boolean deleteTenant(TenantId id, Instant deletedAt) {
        return jdbc.sql("UPDATE tenant SET deleted_at = :deletedAt WHERE id = :id AND deleted_at IS NULL")
                        .param("deletedAt", utc(deletedAt))
                        .param("id", id.value())
                        .update()
                == 1;
    }

    @Override
    public Map<String, RateLimit> liveRateLimits() {
        Map<String, RateLimit> limits = new HashMap<>();
        jdbc.sql("SELECT id, rate_limit_per_min, tokens_per_min FROM tenant WHERE deleted_at IS NULL")
                .query(rs -> {
                    limits.put(
                            rs.getString("id"),
                            new RateLimit(rs.getInt("rate_limit_per_min"), rs.getLong("tokens_per_min")));
                });
        return limits;
    }
}
