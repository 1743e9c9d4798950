package dev.budgetguard.jobs.rollup;

import dev.budgetguard.schemas.spool.RejectedLine;
import dev.budgetguard.schemas.spool.SegmentId;
import dev.budgetguard.schemas.spool.SpoolLayout;
import dev.budgetguard.schemas.spool.SpoolSegmentReader;
import dev.budgetguard.schemas.usage.RecordKind;
import dev.budgetguard.schemas.usage.UsageRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The sealed part of the collector's spool, read for the rollup. Open segments are never read. */
final class SealedSpool {

    private final SpoolLayout layout;

    SealedSpool(SpoolLayout layout) {
        this.layout = layout;
    }

    SegmentRecords read(SegmentId segment) {
        List<SegmentRecords.Line> records = new ArrayList<>();
        List<RejectedLine> rejected = new ArrayList<>();
        SpoolSegmentReader.read(
                layout.sealed(segment),
                (record, line) -> records.add(new SegmentRecords.Line(line, record)),
                rejected::add);
        return new SegmentRecords(segment, layout.sealed(segment), records, rejected);
    }

    /**
     * The sealed segments not yet rolled and, for each of their nodes, the completions found in every sealed segment
     * from the node's earliest pending one onward (rolled or not), since a completion is never written before its
     * admission.
     */
    RollupPlan plan(Set<SegmentId> rolled) {
        List<SegmentId> sealed = layout.sealedSegments();
        List<SegmentId> pending =
                sealed.stream().filter(id -> !rolled.contains(id)).toList();
        Map<String, Long> firstPending = new LinkedHashMap<>();
        pending.forEach(id -> firstPending.merge(id.nodeId(), id.sequence(), Math::min));
        Set<String> nodesWithOpenSegment = new HashSet<>();
        layout.openSegments().forEach(id -> nodesWithOpenSegment.add(id.nodeId()));
        Map<String, NodeHistory> nodes = new HashMap<>();
        firstPending.forEach((node, from) -> {
            List<SegmentId> history = sealed.stream()
                    .filter(id -> id.nodeId().equals(node) && id.sequence() >= from)
                    .toList();
            nodes.put(node, scan(node, history, nodesWithOpenSegment.contains(node)));
        });
        return new RollupPlan(pending, nodes);
    }

    private NodeHistory scan(String node, List<SegmentId> segments, boolean hasOpenSegment) {
        Set<String> completed = new HashSet<>();
        Instant[] sealedThrough = {Instant.MIN};
        for (SegmentId segment : segments) {
            SpoolSegmentReader.read(
                    layout.sealed(segment),
                    (record, line) -> {
                        if (record.kind() == RecordKind.COMPLETION) {
                            completed.add(record.requestId());
                        }
                        sealedThrough[0] = latest(sealedThrough[0], record);
                    },
                    undecodable -> {});
        }
        return new NodeHistory(node, completed, sealedThrough[0], hasOpenSegment);
    }

    private static Instant latest(Instant sofar, UsageRecord record) {
        Instant at = record.completedAt() != null ? record.completedAt() : record.createdAt();
        return at.isAfter(sofar) ? at : sofar;
    }
}
