package dev.budgetguard.schemas.spool;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names one spool segment: the collector node that wrote it and its sequence number on that node.
 *
 * <p>The id is part of every file name derived from the segment (spool files, lake part files, the rollup manifest),
 * so it is restricted to characters that are safe in paths on every file system.
 */
public record SegmentId(String nodeId, long sequence) implements Comparable<SegmentId> {

    private static final Pattern NODE = Pattern.compile("[a-z0-9][a-z0-9_]{0,39}");
    private static final Pattern ID = Pattern.compile("([a-z0-9][a-z0-9_]{0,39})-(\\d{12})");
    private static final Comparator<SegmentId> ORDER =
            Comparator.comparing(SegmentId::nodeId).thenComparingLong(SegmentId::sequence);

    public SegmentId {
        requireValidNode(nodeId);
        if (sequence < 0 || sequence > 999_999_999_999L) {
            throw new IllegalArgumentException("segment sequence out of range: " + sequence);
        }
    }

    /** Rejects node ids that would not survive in a file name. */
    public static String requireValidNode(String nodeId) {
        if (nodeId == null || !NODE.matcher(nodeId).matches()) {
            throw new IllegalArgumentException(
                    "node id must match " + NODE.pattern() + " (lower case, digits, underscore), was '" + nodeId + "'");
        }
        return nodeId;
    }

    public static SegmentId parse(String id) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a segment id: '" + id + "'");
        }
        return new SegmentId(m.group(1), Long.parseLong(m.group(2)));
    }

    public SegmentId next() {
        return new SegmentId(nodeId, sequence + 1);
    }

    @Override
    public int compareTo(SegmentId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return nodeId + "-" + String.format("%012d", sequence);
    }
}
