package dev.budgetguard.ingest.tenant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Tenants and keys in the {@code tenant} and {@code api_key} tables, in SQL that runs on H2 and PostgreSQL. */
@Repository
class JdbcTenantStore implements TenantStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    JdbcTenantStore(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void createTenant(TenantId id, RateLimit rateLimit, Instant createdAt) {
        try {
            jdbc.sql("INSERT INTO tenant (id, rate_limit_per_min, created_at) VALUES (:id, :rateLimit, :createdAt)")
                    .param("id", id.value())
                    .param("rateLimit", rateLimit.perMinute())
                    .param("createdAt", utc(createdAt))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new TenantAlreadyExistsException(id, e);
        }
    }

    @Override
    public Optional<Tenant> findTenant(TenantId id) {
        return transaction.execute(status -> jdbc.sql(
                        "SELECT rate_limit_per_min, created_at FROM tenant WHERE id = :id AND deleted_at IS NULL")
                .param("id", id.value())
                .query((rs, row) -> new Tenant(
                        id, new RateLimit(rs.getInt("rate_limit_per_min")), instant(rs, "created_at"), keysOf(id)))
                .optional());
    }

    private List<ApiKey> keysOf(TenantId id) {
        return jdbc.sql("SELECT id, name, prefix, created_at, revoked_at FROM api_key"
                        + " WHERE tenant_id = :tenantId ORDER BY created_at, id")
                .param("tenantId", id.value())
                .query((rs, row) -> new ApiKey(
                        rs.getString("id"),
                        id,
                        rs.getString("name"),
                        rs.getString("prefix"),
                        instant(rs, "created_at"),
                        instant(rs, "revoked_at")))
                .list();
    }

    @Override
    public void addKey(ApiKey key, String keyHashHex) {
        jdbc.sql("INSERT INTO api_key (id, tenant_id, name, prefix, key_hash, created_at)"
                        + " VALUES (:id, :tenantId, :name, :prefix, :keyHash, :createdAt)")
                .param("id", key.id())
                .param("tenantId", key.tenantId().value())
                .param("name", key.name())
                .param("prefix", key.prefix())
                .param("keyHash", keyHashHex)
                .param("createdAt", utc(key.createdAt()))
                .update();
    }

    @Override
    public boolean updateRateLimit(TenantId id, RateLimit rateLimit) {
        return jdbc.sql("UPDATE tenant SET rate_limit_per_min = :rateLimit WHERE id = :id AND deleted_at IS NULL")
                        .param("rateLimit", rateLimit.perMinute())
                        .param("id", id.value())
                        .update()
                == 1;
    }

    @Override
    public boolean revokeKey(TenantId id, String keyId, Instant revokedAt) {
        return jdbc.sql("UPDATE api_key SET revoked_at = :revokedAt"
                                + " WHERE id = :keyId AND tenant_id = :tenantId AND revoked_at IS NULL")
                        .param("revokedAt", utc(revokedAt))
                        .param("keyId", keyId)
                        .param("tenantId", id.value())
                        .update()
                == 1;
    }

    @Override
    public List<ActiveKey> activeKeys() {
        return jdbc.sql("SELECT k.tenant_id, k.id, k.key_hash FROM api_key k JOIN tenant t ON t.id = k.tenant_id"
                        + " WHERE k.revoked_at IS NULL AND t.deleted_at IS NULL")
                .query((rs, row) ->
                        new ActiveKey(rs.getString("tenant_id"), rs.getString("id"), rs.getString("key_hash")))
                .list();
    }

    @Override
    public void recordLastUse(Map<String, Instant> lastUseByKeyId) {
        transaction.executeWithoutResult(
                status -> lastUseByKeyId.forEach((keyId, usedAt) -> jdbc.sql("UPDATE api_key SET last_used_at = :usedAt"
                                + " WHERE id = :keyId AND (last_used_at IS NULL OR last_used_at < :usedAt)")
                        .param("usedAt", utc(usedAt))
                        .param("keyId", keyId)
                        .update()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
