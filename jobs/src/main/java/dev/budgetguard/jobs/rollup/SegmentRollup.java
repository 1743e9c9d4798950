package dev.budgetguard.jobs.rollup;

import dev.budgetguard.schemas.spool.RejectedLine;
import dev.budgetguard.schemas.usage.RecordKind;
import dev.budgetguard.schemas.usage.UsageRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the records of one segment into usage rows; plain Java, no I/O.
 *
 * <ul>
 *   <li>A completion makes a row on its own, owned by this segment.
 *   <li>A refusal makes a {@code rejected} row.
 *   <li>An admission with a completion anywhere in the node's sealed history makes nothing; without one it makes an
 *       {@code incomplete} row once the {@link CompletionHorizon} has passed, and otherwise defers the whole segment.
 *   <li>A second admission, or a second completion or refusal, for the same request id is a reject: the first wins.
 * </ul>
 */
final class SegmentRollup {

    private SegmentRollup() {}

    static SegmentOutcome roll(SegmentRecords segment, NodeHistory node, CompletionHorizon horizon) {
        // Admissions and row-making records (completion, refusal) of one request are counted apart.
        Map<String, Long> firstAdmission = new HashMap<>();
        Map<String, Long> firstOutcome = new HashMap<>();
        TreeMap<LocalDate, List<UsageRow>> rowsByDate = new TreeMap<>();
        List<RejectedLine> rejects = new ArrayList<>(segment.undecodable());
        for (SegmentRecords.Line line : segment.records()) {
            UsageRecord record = line.record();
            Map<String, Long> firstLine = record.kind() == RecordKind.ADMISSION ? firstAdmission : firstOutcome;
            if (isDuplicate(segment, line, firstLine, rejects)) {
                continue;
            }
            UsageRow row;
            if (record.kind() != RecordKind.ADMISSION) {
                row = UsageRow.of(record, segment.segment());
            } else if (node.completed(record.requestId())) {
                continue;
            } else if (horizon.hasPassed(record.createdAt(), node)) {
                row = UsageRow.incomplete(record, segment.segment());
            } else {
                return new SegmentOutcome.Deferred(
                        segment.segment(),
                        "admission " + record.requestId() + " at line " + line.number() + " of " + segment.segment()
                                + " may still be completed");
            }
            rowsByDate
                    .computeIfAbsent(row.partitionDate(), d -> new ArrayList<>())
                    .add(row);
        }
        rejects.sort(Comparator.comparingLong(RejectedLine::lineNumber));
        return new SegmentOutcome.Rolled(segment.segment(), rowsByDate, rejects);
    }

    private static boolean isDuplicate(
            SegmentRecords segment, SegmentRecords.Line line, Map<String, Long> firstLine, List<RejectedLine> rejects) {
        UsageRecord record = line.record();
        Long first = firstLine.putIfAbsent(record.requestId(), line.number());
        if (first == null) {
            return false;
        }
        rejects.add(new RejectedLine(
                segment.file(),
                line.number(),
                "duplicate " + record.kind().wireName() + " for request_id " + record.requestId() + ", first at line "
                        + first));
        return true;
    }
}
