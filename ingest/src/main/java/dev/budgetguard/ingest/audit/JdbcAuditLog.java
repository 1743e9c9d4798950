package dev.budgetguard.ingest.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code audit_log} table, in SQL that runs on H2 and PostgreSQL; inserts join the surrounding transaction. */
@Repository
public class JdbcAuditLog implements AuditLog {

    private static final Logger log = LoggerFactory.getLogger("budgetguard.audit");
    // Far enough to be "no bound" for both databases, near enough to be a valid timestamp for both.
    private static final OffsetDateTime MIN = OffsetDateTime.parse("1970-01-01T00:00:00Z");
    private static final OffsetDateTime MAX = OffsetDateTime.parse("9999-01-01T00:00:00Z");

    private final JdbcClient jdbc;

    public JdbcAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(AuditEvent event, Instant at) {
        jdbc.sql("INSERT INTO audit_log (id, occurred_at, actor, action, target_type, target_id, detail)"
                        + " VALUES (:id, :at, :actor, :action, :targetType, :targetId, :detail)")
                .param("id", UUID.randomUUID().toString())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("actor", event.actor().name())
                .param("action", event.action())
                .param("targetType", event.targetType())
                .param("targetId", event.targetId())
                .param("detail", event.detail())
                .update();
        log.info(
                "actor={} action={} target_type={} target={}",
                event.actor(),
                event.action(),
                event.targetType(),
                event.targetId());
    }

    @Override
    public List<AuditEntry> read(Instant from, Instant to, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit: must be positive, was " + limit);
        }
        return jdbc.sql("SELECT id, occurred_at, actor, action, target_type, target_id, detail FROM audit_log"
                        + " WHERE occurred_at >= :from AND occurred_at < :to ORDER BY occurred_at DESC, id"
                        + " FETCH FIRST :limit ROWS ONLY")
                .param("from", from == null ? MIN : from.atOffset(ZoneOffset.UTC))
                .param("to", to == null ? MAX : to.atOffset(ZoneOffset.UTC))
                .param("limit", limit)
                .query((rs, row) -> entry(rs))
                .list();
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getString("id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                new AuditEvent(
                        new Actor(rs.getString("actor")),
                        rs.getString("action"),
                        rs.getString("target_type"),
                        rs.getString("target_id"),
                        rs.getString("detail")));
    }
}
