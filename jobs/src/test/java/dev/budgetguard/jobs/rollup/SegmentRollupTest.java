package dev.budgetguard.jobs.rollup;

import static dev.budgetguard.jobs.rollup.SpoolFixtures.admission;
import static dev.budgetguard.jobs.rollup.SpoolFixtures.completion;
import static dev.budgetguard.jobs.rollup.SpoolFixtures.refusal;
import static dev.budgetguard.jobs.rollup.SpoolFixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.schemas.spool.RejectedLine;
import dev.budgetguard.schemas.spool.SegmentId;
import dev.budgetguard.schemas.usage.Cost;
import dev.budgetguard.schemas.usage.CostStatus;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentRollupTest {

    private static final SegmentId SEG = new SegmentId("node1", 7);
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private static final CompletionHorizon HORIZON_PASSED =
            new CompletionHorizon(T.plus(Duration.ofHours(2)), Duration.ofHours(1));

    private static NodeHistory history(Set<String> completed) {
        return new NodeHistory("node1", completed, T.plus(Duration.ofHours(3)), false);
    }

    private static SegmentOutcome.Rolled rolled(SegmentOutcome outcome) {
        assertThat(outcome).isInstanceOf(SegmentOutcome.Rolled.class);
        return (SegmentOutcome.Rolled) outcome;
    }

    @Test
    void completionAloneMakesARowAndItsAdmissionMakesNone() {
        // given an admission and its completion in the same segment
        var records = segment(SEG, admission("r1", T), completion("r1", T, 1200, 300, "0.006000000001"));

        // when
        var out = rolled(SegmentRollup.roll(records, history(Set.of("r1")), HORIZON_PASSED));

        // then one row, with the completion's values, owned by this segment
        assertThat(out.rowsByDate()).containsOnlyKeys(LocalDate.parse("2026-12-01"));
        UsageRow row = out.rowsByDate().get(LocalDate.parse("2026-12-01")).get(0);
        assertThat(out.rowCount()).isEqualTo(1);
        assertThat(row.requestId()).isEqualTo("r1");
        assertThat(row.status()).isEqualTo(UsageStatus.OK);
        assertThat(row.usage()).isEqualTo(TokenUsage.of(1200, 300));
        assertThat(row.cost().amountUsd()).isEqualByComparingTo(new BigDecimal("0.006000000001"));
        assertThat(row.createdAt()).isEqualTo(T);
        assertThat(row.completedAt()).isEqualTo(T.plusSeconds(2));
        assertThat(row.segment()).isEqualTo(SEG);
        assertThat(out.rejects()).isEmpty();
    }

    @Test
    void admissionCompletedInALaterSegmentMakesNoRow() {
        // given an admission whose completion sits in a later segment of the node
        var records = segment(SEG, admission("r2", T));

        // when
        var out = rolled(SegmentRollup.roll(records, history(Set.of("r2")), HORIZON_PASSED));

        // then nothing here: the later segment owns the row
        assertThat(out.rowCount()).isZero();
        assertThat(out.firstCreatedAt()).isNull();
    }

    @Test
    void admissionWithoutCompletionPastTheHorizonIsIncomplete() {
        // given an admission two hours before asOf and no completion anywhere
        var records = segment(SEG, admission("r3", T));

        // when
        var out = rolled(SegmentRollup.roll(records, history(Set.of()), HORIZON_PASSED));

        // then an incomplete row with nothing billed
        UsageRow row = out.rowsByDate().get(LocalDate.parse("2026-12-01")).get(0);
        assertThat(row.status()).isEqualTo(UsageStatus.INCOMPLETE);
        assertThat(row.usage()).isEqualTo(TokenUsage.ZERO);
        assertThat(row.cost()).isEqualTo(Cost.NONE);
        assertThat(row.cost().status()).isEqualTo(CostStatus.NONE);
        assertThat(row.httpStatus()).isZero();
        assertThat(row.completedAt()).isNull();
        assertThat(row.model()).isEqualTo("gpt-4o");
    }

    @Test
    void admissionWithinTheHorizonDefersTheSegment() {
        // given an admission 59 minutes before asOf with no completion yet
        var records = segment(SEG, completion("r0", T, 1, 1, "0.1"), admission("r4", T));
        var horizon = new CompletionHorizon(T.plus(Duration.ofMinutes(59)), Duration.ofHours(1));

        // when
        SegmentOutcome out = SegmentRollup.roll(records, history(Set.of("r0")), horizon);

        // then the whole segment waits, the completion before it included
        assertThat(out).isInstanceOf(SegmentOutcome.Deferred.class);
        assertThat(((SegmentOutcome.Deferred) out).reason()).contains("r4").contains("line 2");
    }

    @Test
    void openSegmentKeepsAnOldAdmissionOpenUntilSealedSegmentsPassItsHorizon() {
        // given an old admission on a node whose open segment may hold its completion
        var records = segment(SEG, admission("r5", T));
        var sealedBefore = new NodeHistory("node1", Set.of(), T.plus(Duration.ofMinutes(30)), true);
        var sealedAfter = new NodeHistory("node1", Set.of(), T.plus(Duration.ofMinutes(61)), true);

        // when / then: deferred while the sealed spool ends inside the horizon, incomplete once it reaches past it
        assertThat(SegmentRollup.roll(records, sealedBefore, HORIZON_PASSED))
                .isInstanceOf(SegmentOutcome.Deferred.class);
        assertThat(rolled(SegmentRollup.roll(records, sealedAfter, HORIZON_PASSED))
                        .rowsByDate()
                        .get(LocalDate.parse("2026-12-01"))
                        .get(0)
                        .status())
                .isEqualTo(UsageStatus.INCOMPLETE);
    }

    @Test
    void refusalMakesARejectedRowCostingNothing() {
        // given a refusal
        var records = segment(SEG, refusal("r6", T));

        // when
        var out = rolled(SegmentRollup.roll(records, history(Set.of()), HORIZON_PASSED));

        // then
        UsageRow row = out.rowsByDate().get(LocalDate.parse("2026-12-01")).get(0);
        assertThat(row.status()).isEqualTo(UsageStatus.REJECTED);
        assertThat(row.httpStatus()).isEqualTo(429);
        assertThat(row.errorCode()).isEqualTo("budget_exceeded");
        assertThat(row.cost().amountUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(row.cost().status()).isEqualTo(CostStatus.NONE);
    }

    @Test
    void rowsArePartitionedByTheUtcDateOfAdmissionAcrossMidnight() {
        // given one request admitted a microsecond before midnight UTC and completed after it, one just after
        Instant beforeMidnight = Instant.parse("2026-12-01T23:59:59.999999Z");
        Instant atMidnight = Instant.parse("2026-12-02T00:00:00Z");
        var records = segment(
                SEG, completion("late", beforeMidnight, 10, 5, "0.5"), completion("early", atMidnight, 20, 5, "0.25"));
        var horizon = new CompletionHorizon(atMidnight.plus(Duration.ofHours(5)), Duration.ofHours(1));

        // when
        var out = rolled(SegmentRollup.roll(records, history(Set.of("late", "early")), horizon));

        // then each lands in the date it was admitted, and the segment spans both
        assertThat(out.rowsByDate().keySet())
                .containsExactly(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-02"));
        assertThat(out.rowsByDate().get(LocalDate.parse("2026-12-01")))
                .extracting(UsageRow::requestId)
                .containsExactly("late");
        assertThat(out.rowsByDate().get(LocalDate.parse("2026-12-02")))
                .extracting(UsageRow::requestId)
                .containsExactly("early");
        assertThat(out.firstCreatedAt()).isEqualTo(beforeMidnight);
        assertThat(out.lastCreatedAt()).isEqualTo(atMidnight);
    }

    @Test
    void duplicateRequestIdsKeepTheFirstAndRejectTheRest() {
        // given the same completion three times and an undecodable line 2
        var first = completion("dup", T, 100, 10, "0.001");
        var again = completion("dup", T, 999, 99, "9.99");
        var records = new SegmentRecords(
                SEG,
                java.nio.file.Path.of("node1-000000000007.ndjson"),
                List.of(
                        new SegmentRecords.Line(1, first),
                        new SegmentRecords.Line(3, again),
                        new SegmentRecords.Line(4, again)),
                List.of(new RejectedLine(java.nio.file.Path.of("node1-000000000007.ndjson"), 2, "bad json")));

        // when
        var out = rolled(SegmentRollup.roll(records, history(Set.of("dup")), HORIZON_PASSED));

        // then the first is the row; lines 2, 3 and 4 are rejects in line order
        assertThat(out.rowCount()).isEqualTo(1);
        assertThat(out.rowsByDate().get(LocalDate.parse("2026-12-01")).get(0).usage())
                .isEqualTo(TokenUsage.of(100, 10));
        assertThat(out.rejects()).extracting(RejectedLine::lineNumber).containsExactly(2L, 3L, 4L);
        assertThat(out.rejects().get(1).reason()).isEqualTo("duplicate completion for request_id dup, first at line 1");
    }
}
