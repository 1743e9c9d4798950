package dev.budgetguard.jobs.rollup;

import dev.budgetguard.schemas.spool.RejectedLine;
import dev.budgetguard.schemas.spool.SegmentId;
import dev.budgetguard.schemas.usage.UsageRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What one sealed segment holds: the records that decoded, in line order, and the lines that did not.
 *
 * @param file the sealed spool file the records were read from
 * @param records decoded records with their 1-based line numbers, in file order
 * @param undecodable lines the codec refused
 */
record SegmentRecords(SegmentId segment, Path file, List<Line> records, List<RejectedLine> undecodable) {

    SegmentRecords {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(file, "file");
        records = List.copyOf(records);
        undecodable = List.copyOf(undecodable);
    }

    /** A decoded record and where it was in the segment. */
    record Line(long number, UsageRecord record) {}
}
