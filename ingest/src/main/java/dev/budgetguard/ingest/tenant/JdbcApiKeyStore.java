package dev.budgetguard.ingest.tenant;

import static dev.budgetguard.ingest.tenant.SqlTime.instant;
import static dev.budgetguard.ingest.tenant.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keys in the {@code api_key} table, in SQL that runs on H2 and PostgreSQL. */
@Repository
class JdbcApiKeyStore implements ApiKeyStore {

    private static final String COLUMNS = "id, name, prefix, created_at, revoked_at, expires_at, last_used_at";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    JdbcApiKeyStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
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
    public List<ApiKey> keysOf(TenantId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE tenant_id = :tenantId ORDER BY created_at, id")
                .param("tenantId", id.value())
                .query((rs, row) -> key(rs, id))
                .list();
    }

    @Override
    public Optional<ApiKey> findKey(TenantId id, String keyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE tenant_id = :tenantId AND id = :keyId")
                .param("tenantId", id.value())
                .param("keyId", keyId)
                .query((rs, row) -> key(rs, id))
                .optional();
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
    public void revokeAll(TenantId id, Instant revokedAt) {
        jdbc.sql("UPDATE api_key SET revoked_at = :revokedAt WHERE tenant_id = :tenantId AND revoked_at IS NULL")
                .param("revokedAt", utc(revokedAt))
                .param("tenantId", id.value())
                .update();
    }

    @Override
    public boolean expireKey(TenantId id, String keyId, Instant expiresAt) {
        return jdbc.sql("UPDATE api_key SET expires_at = :expiresAt WHERE id = :keyId AND tenant_id = :tenantId"
                                + " AND revoked_at IS NULL AND expires_at IS NULL")
                        .param("expiresAt", utc(expiresAt))
                        .param("keyId", keyId)
                        .param("tenantId", id.value())
                        .update()
                == 1;
    }

    @Override
    public List<ActiveKey> activeKeys(Instant now) {
        return jdbc.sql("SELECT k.tenant_id, k.id, k.key_hash, k.expires_at FROM api_key k"
                        + " JOIN tenant t ON t.id = k.tenant_id"
                        + " WHERE k.revoked_at IS NULL AND t.deleted_at IS NULL"
                        + " AND (k.expires_at IS NULL OR k.expires_at > :now)")
                .param("now", utc(now))
                .query((rs, row) -> new ActiveKey(
                        rs.getString("tenant_id"),
                        rs.getString("id"),
                        rs.getString("key_hash"),
                        instant(rs, "expires_at")))
                .list();
    }

    @Override
    public void recordLastUse(Map<String, Instant> lastUseByKeyId) {
        SqlParameterSource[] rows = lastUseByKeyId.entrySet().stream()
                .map(use -> new MapSqlParameterSource()
                        .addValue("keyId", use.getKey())
                        .addValue("usedAt", utc(use.getValue())))
                .toArray(SqlParameterSource[]::new);
        batch.batchUpdate(
                "UPDATE api_key SET last_used_at = :usedAt"
                        + " WHERE id = :keyId AND (last_used_at IS NULL OR last_used_at < :usedAt)",
                rows);
    }

    private static ApiKey key(ResultSet rs, TenantId id) throws SQLException {
        return new ApiKey(
                rs.getString("id"),
                id,
                rs.getString("name"),
                rs.getString("prefix"),
                instant(rs, "created_at"),
                instant(rs, "revoked_at"),
                instant(rs, "expires_at"),
                instant(rs, "last_used_at"));
    }
}
