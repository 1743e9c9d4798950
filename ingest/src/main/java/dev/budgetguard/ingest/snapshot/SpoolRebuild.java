package dev.budgetguard.ingest.snapshot;

import dev.budgetguard.schemas.budget.CapSpend;
import dev.budgetguard.schemas.spool.SegmentId;
import dev.budgetguard.schemas.spool.SpoolLayout;
import dev.budgetguard.schemas.spool.SpoolSegmentReader;
import dev.budgetguard.schemas.usage.RecordKind;
import dev.budgetguard.schemas.usage.UsageRecord;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds this node's settled spend past a watermark from its spool, after the spool's recovery sealed what the last
 * run left open and before any request: completions count their cost, admissions whose completion never came (the
 * process died) count their reservation's estimate, each in the segment the lake will give its row to (a completion's
 * own segment; an orphan admission's segment, where the rollup writes its {@code incomplete} row).
 */
final class SpoolRebuild {

    private final SpoolLayout layout;
    private final String nodeId;

    SpoolRebuild(SpoolLayout layout, String nodeId) {
        this.layout = layout;
        this.nodeId = nodeId;
    }

    /** What the rebuild read and booked. */
    record Summary(int segments, long completions, long orphanAdmissions, BigDecimal bookedUsd) {}

    Summary rebuild(long lastCoveredSequence, LocalSpendIndex index) {
        List<SegmentId> pending = layout.sealedSegments().stream()
                .filter(id -> id.nodeId().equals(nodeId) && id.sequence() > lastCoveredSequence)
                .toList();
        Map<String, Admitted> open = new HashMap<>();
        Set<String> completed = new HashSet<>();
        long[] completions = {0};
        BigDecimal[] booked = {BigDecimal.ZERO};
        for (SegmentId segment : pending) {
            SpoolSegmentReader.read(
                    layout.sealed(segment),
                    (record, line) -> {
                        if (record.kind() == RecordKind.COMPLETION && completed.add(record.requestId())) {
                            open.remove(record.requestId());
                            completions[0]++;
                            booked[0] = booked[0].add(book(index, segment, record));
                        } else if (record.kind() == RecordKind.ADMISSION && !completed.contains(record.requestId())) {
                            open.putIfAbsent(record.requestId(), new Admitted(segment, record));
                        }
                    },
                    undecodable -> {});
        }
        for (Admitted orphan : open.values()) {
            booked[0] = booked[0].add(book(index, orphan.segment(), orphan.record()));
        }
        return new Summary(pending.size(), completions[0], open.size(), booked[0]);
    }

    private static BigDecimal book(LocalSpendIndex index, SegmentId segment, UsageRecord record) {
        BigDecimal amount = CapSpend.of(record);
        index.add(segment, record.tenantId(), CapSpend.countedAt(record), amount);
        return amount;
    }

    private record Admitted(SegmentId segment, UsageRecord record) {}
}
