package dev.budgetguard.jobs.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.schemas.spool.SegmentId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatermarksTest {

    @Test
    void eachNodesWatermarkIsItsRolledPrefix() {
        // given node1 rolled 1-3 with 4 still in the spool; node2 rolled 1 and 3, where 2 is in the spool unrolled
        List<SegmentId> rolled =
                List.of(id("node1", 1), id("node1", 2), id("node1", 3), id("node2", 1), id("node2", 3));
        List<SegmentId> spool = List.of(id("node1", 3), id("node1", 4), id("node2", 2), id("node2", 3));

        // when
        Map<String, Long> marks = Watermarks.of(rolled, spool);

        // then the gap at node2-2 stops node2 at 1
        assertThat(marks).isEqualTo(Map.of("node1", 3L, "node2", 1L));
    }

    @Test
    void aSequenceRecoveryDeletedIsNoGap() {
        // given node1-2 was an open segment recovery found empty and deleted, so it is nowhere
        List<SegmentId> rolled = List.of(id("node1", 1), id("node1", 3));

        // when
        Map<String, Long> marks = Watermarks.of(rolled, List.of(id("node1", 3)));

        // then
        assertThat(marks).isEqualTo(Map.of("node1", 3L));
    }

    @Test
    void aNodeWithAnUnrolledSegmentBeforeItsFirstRolledOneIsNotCovered() {
        // when
        Map<String, Long> marks = Watermarks.of(List.of(id("node1", 2)), List.of(id("node1", 1), id("node1", 2)));

        // then
        assertThat(marks).isEmpty();
    }

    private static SegmentId id(String node, long sequence) {
        return new SegmentId(node, sequence);
    }
}
