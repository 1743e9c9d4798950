package dev.budgetguard.schemas.spool;

import java.util.List;

/**
 * What opening a spool found left over from a previous run of the same node.
 *
 * @param segmentsRecovered open segments that were repaired and sealed (or removed when nothing in them survived)
 * @param recordsKept complete lines kept in those segments
 * @param tornBytes bytes of torn tails moved to {@code .torn} files
 */
public record RecoveryReport(List<SegmentId> segmentsRecovered, long recordsKept, long tornBytes) {

    public static final RecoveryReport NOTHING = new RecoveryReport(List.of(), 0, 0);

    public RecoveryReport {
        segmentsRecovered = List.copyOf(segmentsRecovered);
    }

    /** True when the previous run closed cleanly. */
    public boolean isClean() {
        return segmentsRecovered.isEmpty();
    }
}
