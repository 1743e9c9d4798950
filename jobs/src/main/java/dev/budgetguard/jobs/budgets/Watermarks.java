package dev.budgetguard.jobs.budgets;

import dev.budgetguard.schemas.spool.SegmentId;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per node, the highest rolled sequence with every segment before it rolled too. The rollup rolls each node's
 * segments as a prefix of its sequence, so this is normally the highest rolled one; a sequence missing from the
 * manifest is a gap only if the spool still holds that segment (an open segment that recovery found empty is deleted,
 * and its number is never reused). Past a real gap nothing is covered, so a snapshot never skips a segment.
 */
final class Watermarks {

    private Watermarks() {}

    static Map<String, Long> of(Collection<SegmentId> rolled, Collection<SegmentId> inSpool) {
        Map<String, NavigableSet<Long>> rolledByNode = byNode(rolled);
        Map<String, NavigableSet<Long>> spoolByNode = byNode(inSpool);
        Map<String, Long> watermarks = new TreeMap<>();
        rolledByNode.forEach((node, sequences) -> {
            NavigableSet<Long> present = spoolByNode.getOrDefault(node, new TreeSet<>());
            long last = sequences.first();
            for (long next : sequences.tailSet(last, false)) {
                if (!present.subSet(last, false, next, false).isEmpty()) {
                    break;
                }
                last = next;
            }
            if (!present.headSet(sequences.first(), false).isEmpty()) {
                return;
            }
            watermarks.put(node, last);
        });
        return watermarks;
    }

    private static Map<String, NavigableSet<Long>> byNode(Collection<SegmentId> segments) {
        Map<String, NavigableSet<Long>> byNode = new TreeMap<>();
        segments.forEach(
                id -> byNode.computeIfAbsent(id.nodeId(), n -> new TreeSet<>()).add(id.sequence()));
        return byNode;
    }
}
