package dev.budgetguard.jobs.rollup;

import static dev.budgetguard.jobs.rollup.SpoolFixtures.admission;
import static dev.budgetguard.jobs.rollup.SpoolFixtures.completion;
import static dev.budgetguard.jobs.rollup.SpoolFixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.schemas.spool.SegmentId;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentRollupProcessorTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aDeferredSegmentDefersTheLaterSegmentsOfItsNodeOnly() {
        // given node a: segment 1 with a fresh dangling admission, segment 2 with a complete request; node b likewise
        var processor = new SegmentRollupProcessor(new CompletionHorizon(T.plusSeconds(60), Duration.ofHours(1)));
        var historyA = new NodeHistory("a", Set.of("done"), T, false);
        var historyB = new NodeHistory("b", Set.of("other"), T, false);

        // when
        SegmentOutcome a1 =
                processor.process(new PendingSegment(segment(new SegmentId("a", 1), admission("fresh", T)), historyA));
        SegmentOutcome a2 = processor.process(
                new PendingSegment(segment(new SegmentId("a", 2), completion("done", T, 1, 1, "0.01")), historyA));
        SegmentOutcome b1 = processor.process(
                new PendingSegment(segment(new SegmentId("b", 1), completion("other", T, 1, 1, "0.01")), historyB));

        // then
        assertThat(a1).isInstanceOf(SegmentOutcome.Deferred.class);
        assertThat(a2).isInstanceOf(SegmentOutcome.Deferred.class);
        assertThat(((SegmentOutcome.Deferred) a2).reason())
                .isEqualTo("earlier segment a-000000000001 of node a is deferred");
        assertThat(b1).isInstanceOf(SegmentOutcome.Rolled.class);
        assertThat(((SegmentOutcome.Rolled) b1).rowCount()).isEqualTo(1);
    }
}
