package dev.budgetguard.schemas.spool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a spool writes: where, under which node id, when segments are rotated and how often lines are forced.
 *
 * @param maxSegmentBytes a segment is sealed before a line would take it past this size
 * @param maxSegmentAge a segment is sealed once its first record is this old, even without further traffic
 * @param fsyncInterval how often {@link FsyncPolicy#INTERVAL} forces; ignored by the other policies
 * @param queueCapacity appends beyond this many waiting lines are refused with {@link SpoolFullException}
 */
public record SpoolSettings(
        Path dir,
        String nodeId,
        long maxSegmentBytes,
        Duration maxSegmentAge,
        FsyncPolicy fsync,
        Duration fsyncInterval,
        int queueCapacity) {

    public SpoolSettings {
        Objects.requireNonNull(dir, "dir");
        SegmentId.requireValidNode(nodeId);
        if (maxSegmentBytes <= 0) {
            throw new IllegalArgumentException("maxSegmentBytes must be positive, was " + maxSegmentBytes);
        }
        requirePositive("maxSegmentAge", maxSegmentAge);
        Objects.requireNonNull(fsync, "fsync");
        requirePositive("fsyncInterval", fsyncInterval);
        if (queueCapacity <= 0) {
            throw new IllegalArgumentException("queueCapacity must be positive, was " + queueCapacity);
        }
    }

    /** Node {@code node1}, 64 MiB or 5 minute segments, forced every 5 ms, 65536 waiting lines. */
    public static SpoolSettings defaults(Path dir) {
        return new SpoolSettings(
                dir, "node1", 64L << 20, Duration.ofMinutes(5), FsyncPolicy.INTERVAL, Duration.ofMillis(5), 65_536);
    }

    private static void requirePositive(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }
}
