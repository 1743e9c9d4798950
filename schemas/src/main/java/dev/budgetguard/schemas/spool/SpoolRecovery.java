package dev.budgetguard.schemas.spool;

import dev.budgetguard.schemas.usage.UsageRecordCodec;
import dev.budgetguard.schemas.usage.UsageRecordFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Repairs the segments a crashed run of this node left open, before anything new is written.
 *
 * <p>A crash can only damage the end of an append-only file, so the repair keeps the longest prefix that ends with a
 * complete line that decodes, sets the rest aside in {@code <id>.torn} for a human, and seals the prefix. Segments of
 * other nodes are not ours to touch: their writer may still be running.
 */
final class SpoolRecovery {

    private final SpoolLayout layout;

    SpoolRecovery(SpoolLayout layout) {
        this.layout = layout;
    }

    RecoveryReport recover(String nodeId) {
        List<SegmentId> recovered = new ArrayList<>();
        long kept = 0;
        long torn = 0;
        for (SegmentId id : layout.openSegments()) {
            if (!id.nodeId().equals(nodeId)) {
                continue;
            }
            try {
                byte[] bytes = Files.readAllBytes(layout.open(id));
                int valid = validPrefix(bytes);
                repair(id, bytes, valid);
                recovered.add(id);
                kept += countLines(bytes, valid);
                torn += bytes.length - valid;
            } catch (IOException e) {
                throw new SpoolIoException("cannot recover open spool segment " + layout.open(id), e);
            }
        }
        return recovered.isEmpty() ? RecoveryReport.NOTHING : new RecoveryReport(recovered, kept, torn);
    }

    private void repair(SegmentId id, byte[] bytes, int valid) throws IOException {
        if (valid < bytes.length) {
            // Set the tail aside first: if we crash again before truncating, the next run simply does it again.
            try (FileChannel tornFile = FileChannel.open(
                    layout.torn(id), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer tail = ByteBuffer.wrap(bytes, valid, bytes.length - valid);
                while (tail.hasRemaining()) {
                    tornFile.write(tail);
                }
                tornFile.force(false);
            }
        }
        if (valid == 0) {
            Files.delete(layout.open(id));
            SegmentFile.syncDirectory(layout.dir());
            return;
        }
        try (FileChannel open = FileChannel.open(layout.open(id), StandardOpenOption.WRITE)) {
            open.truncate(valid);
            open.force(false);
        }
        SegmentFile.publish(layout, id);
    }

    /** Length of the longest prefix ending with a complete line that decodes. */
    static int validPrefix(byte[] bytes) {
        int end = lastNewline(bytes, bytes.length - 1) + 1;
        while (end > 0) {
            int start = lastNewline(bytes, end - 2) + 1;
            if (decodes(bytes, start, end - start)) {
                return end;
            }
            end = start;
        }
        return 0;
    }

    private static boolean decodes(byte[] bytes, int off, int len) {
        try {
            UsageRecordCodec.decode(bytes, off, len);
            return true;
        } catch (UsageRecordFormatException e) {
            return false;
        }
    }

    private static int lastNewline(byte[] bytes, int from) {
        for (int i = from; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static long countLines(byte[] bytes, int length) {
        long lines = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
