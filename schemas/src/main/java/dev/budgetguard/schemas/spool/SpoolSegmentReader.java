package dev.budgetguard.schemas.spool;

import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageRecordCodec;
import dev.budgetguard.schemas.usage.UsageRecordFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;

/**
 * Reads a sealed spool segment for the jobs: every line that decodes goes to the record consumer, every line that does
 * not goes to the reject consumer, so that one bad line never blocks the rest of a segment.
 *
 * <p>Segments are bounded in size, so the file is read whole and scanned for newlines without copying lines.
 */
public final class SpoolSegmentReader {

    private SpoolSegmentReader() {}

    /**
     * What reading one segment produced.
     *
     * @param records lines handed to the record consumer
     * @param rejected lines handed to the reject consumer
     */
    public record Summary(Path segment, long records, long rejected) {}

    /**
     * Reads {@code segment}, calling {@code onRecord} with each record and its 1-based line number.
     *
     * @throws SpoolIoException when the file cannot be read at all
     */
    public static Summary read(Path segment, ObjLongConsumer<UsageRecord> onRecord, Consumer<RejectedLine> onReject) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(segment);
        } catch (IOException e) {
            throw new SpoolIoException("cannot read spool segment " + segment, e);
        }
        long records = 0;
        long rejected = 0;
        long lineNumber = 0;
        int start = 0;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            int next = end < 0 ? bytes.length : end + 1;
            lineNumber++;
            UsageRecord record = decodeOrNull(bytes, start, next - start, segment, lineNumber, onReject);
            if (record == null) {
                rejected++;
            } else {
                records++;
                onRecord.accept(record, lineNumber);
            }
            start = next;
        }
        return new Summary(segment, records, rejected);
    }

    private static UsageRecord decodeOrNull(
            byte[] bytes, int off, int len, Path segment, long lineNumber, Consumer<RejectedLine> onReject) {
        try {
            return UsageRecordCodec.decode(bytes, off, len);
        } catch (UsageRecordFormatException e) {
            onReject.accept(new RejectedLine(segment, lineNumber, e.getMessage()));
            return null;
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
