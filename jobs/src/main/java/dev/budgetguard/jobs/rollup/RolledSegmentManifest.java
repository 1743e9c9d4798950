package dev.budgetguard.jobs.rollup;

import dev.budgetguard.schemas.spool.SegmentId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code rolled_segment} table: a segment listed there is in the lake and is never rolled again. Rows are inserted
 * in the chunk's transaction, after the segment's part files are in place.
 */
final class RolledSegmentManifest {

    private final JdbcClient jdbc;

    RolledSegmentManifest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<SegmentId> rolled() {
        return jdbc.sql("SELECT segment_id FROM rolled_segment").query(String.class).list().stream()
                .map(SegmentId::parse)
                .collect(Collectors.toUnmodifiableSet());
    }

    void record(SegmentOutcome.Rolled segment, Instant rolledAt, long jobExecutionId) {
        jdbc.sql("INSERT INTO rolled_segment"
                        + " (segment_id, row_count, first_created_at, last_created_at, rolled_at, job_execution_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        segment.segment().toString(),
                        segment.rowCount(),
                        utc(segment.firstCreatedAt()),
                        utc(segment.lastCreatedAt()),
                        utc(rolledAt),
                        jobExecutionId)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
