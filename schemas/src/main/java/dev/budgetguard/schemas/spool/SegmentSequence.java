package dev.budgetguard.schemas.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;

/**
 * This node's chain of segments as the writer sees it: the segment being filled, its write buffer, and the id the next
 * one will get. A segment file is created with its first line, so an empty segment is never sealed.
 */
final class SegmentSequence {

    private final SpoolSettings settings;
    private final SpoolLayout layout;
    private final Clock clock;
    private final SpoolStats stats;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    private SegmentId nextId;
    private SegmentFile segment;
    private int bufferedRecords;
    private boolean dirty;
    private long lastForce = System.nanoTime();

    SegmentSequence(SpoolSettings settings, SpoolLayout layout, Clock clock, SpoolStats stats, SegmentId firstId) {
        this.settings = settings;
        this.layout = layout;
        this.clock = clock;
        this.stats = stats;
        this.nextId = firstId;
    }

    /** Seals the current segment first if this line would take it past the size limit; true when it did. */
    boolean rotateBefore(int lineLength) throws IOException {
        if (segment == null) {
            return false;
        }
        long used = segment.size() + buffer.position();
        if (used == 0 || used + lineLength <= settings.maxSegmentBytes()) {
            return false;
        }
        flush();
        return seal();
    }

    /** Appends one line and returns the segment it went to. */
    SegmentId append(byte[] line) throws IOException {
        if (segment == null) {
            segment = SegmentFile.create(layout, nextId, clock.instant());
            nextId = nextId.next();
        }
        SegmentId landedIn = segment.id();
        if (line.length > buffer.remaining()) {
            flush();
        }
        if (line.length > buffer.capacity()) {
            segment.write(ByteBuffer.wrap(line));
            stats.written++;
            stats.bytes += line.length;
            dirty = true;
            return landedIn;
        }
        buffer.put(line);
        bufferedRecords++;
        return landedIn;
    }

    /** Writes the buffered lines to the segment file in one go. */
    void flush() throws IOException {
        if (buffer.position() == 0) {
            return;
        }
        buffer.flip();
        int bytes = buffer.remaining();
        int records = bufferedRecords;
        try {
            segment.write(buffer);
        } finally {
            buffer.clear();
            bufferedRecords = 0;
        }
        stats.bytes += bytes;
        stats.written += records;
        dirty = true;
    }

    /** Forces what was written since the last force, if anything. */
    void force() throws IOException {
        if (!dirty || segment == null) {
            return;
        }
        segment.force();
        stats.fsyncs++;
        dirty = false;
        lastForce = System.nanoTime();
    }

    /** Forces if something was written and the last force is at least {@code intervalNanos} ago. */
    void forceEvery(long intervalNanos) throws IOException {
        if (dirty && System.nanoTime() - lastForce >= intervalNanos) {
            force();
        }
    }

    /** Seals the current segment once its first line is as old as the age limit, traffic or not. */
    void sealIfOld() throws IOException {
        if (segment != null && !clock.instant().isBefore(segment.openedAt().plus(settings.maxSegmentAge()))) {
            flush();
            seal();
        }
    }

    /** Seals the current segment, if there is one; the next line opens the next sequence. */
    boolean seal() throws IOException {
        if (segment == null) {
            return false;
        }
        SegmentFile sealing = segment;
        segment = null;
        try {
            sealing.seal();
        } catch (IOException | RuntimeException e) {
            sealing.abandon();
            throw e;
        }
        if (sealing.size() > 0) {
            stats.fsyncs++;
            stats.sealed++;
        }
        dirty = false;
        lastForce = System.nanoTime();
        return true;
    }

    /** Drops the current segment after a write error; its file stays open on disk for the next start to repair. */
    void abandon() {
        if (segment != null) {
            segment.abandon();
            segment = null;
        }
        buffer.clear();
        bufferedRecords = 0;
        dirty = false;
    }

    /** The file being written, for error messages. */
    String where() {
        return segment == null
                ? layout.dir().toString()
                : layout.open(segment.id()).toString();
    }
}
