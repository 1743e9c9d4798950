package dev.budgetguard.schemas.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** The segment being written: an {@code .open} file that becomes its sealed name once complete. */
final class SegmentFile {

    private final SpoolLayout layout;
    private final SegmentId id;
    private final FileChannel channel;
    private final Instant openedAt;
    private long size;

    private SegmentFile(SpoolLayout layout, SegmentId id, FileChannel channel, Instant openedAt) {
        this.layout = layout;
        this.id = id;
        this.channel = channel;
        this.openedAt = openedAt;
    }

    static SegmentFile create(SpoolLayout layout, SegmentId id, Instant now) throws IOException {
        FileChannel channel =
                FileChannel.open(layout.open(id), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        // The new name must be durable too, or a forced file could vanish with its directory entry on power loss.
        syncDirectory(layout.dir());
        return new SegmentFile(layout, id, channel, now);
    }

    SegmentId id() {
        return id;
    }

    long size() {
        return size;
    }

    Instant openedAt() {
        return openedAt;
    }

    void write(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            size += channel.write(bytes);
        }
    }

    void force() throws IOException {
        // Data only: fdatasync still persists the file length, which is all a reader needs.
        channel.force(false);
    }

    /** Forces, closes and renames to the sealed name; an empty segment is deleted instead. */
    void seal() throws IOException {
        if (size > 0) {
            channel.force(false);
        }
        channel.close();
        if (size > 0) {
            publish(layout, id);
        } else {
            Files.deleteIfExists(layout.open(id));
        }
    }

    /** Gives up on a segment after a write error; it stays open on disk and is repaired at the next start. */
    void abandon() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already failing; the file is left for recovery.
        }
    }

    /** Renames a complete {@code .open} file to its sealed name, durably. */
    static void publish(SpoolLayout layout, SegmentId id) throws IOException {
        Files.move(layout.open(id), layout.sealed(id), StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(layout.dir());
    }

    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open or force a directory; renames there are durable on their own.
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }
}
