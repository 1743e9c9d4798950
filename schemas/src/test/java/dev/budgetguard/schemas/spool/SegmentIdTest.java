package dev.budgetguard.schemas.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SegmentIdTest {

    @Test
    void printsAndParsesBack() {
        SegmentId id = new SegmentId("node_1", 42);

        assertThat(id.toString()).isEqualTo("node_1-000000000042");
        assertThat(SegmentId.parse("node_1-000000000042")).isEqualTo(id);
    }

    @Test
    void refusesNodeIdsThatAreNotSafeInPaths() {
        assertThatThrownBy(() -> new SegmentId("../etc", 1)).hasMessageContaining("node id must match");
    }

    @Test
    void ordersBySequenceWithinANode() {
        assertThat(new SegmentId("a", 2)).isGreaterThan(new SegmentId("a", 1));
    }
}
