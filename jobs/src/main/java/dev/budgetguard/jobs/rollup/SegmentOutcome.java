package dev.budgetguard.jobs.rollup;

import dev.budgetguard.schemas.spool.RejectedLine;
import dev.budgetguard.schemas.spool.SegmentId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What the rollup decided for one segment: rolled into rows now, or left for a later run. */
sealed interface SegmentOutcome {

    SegmentId segment();

    /**
     * The segment's rows by partition date, and the lines that were not rolled.
     *
     * @param rowsByDate rows in segment line order within each date; dates in ascending order
     * @param rejects undecodable and duplicate lines, by line number
     */
    record Rolled(SegmentId segment, SortedMap<LocalDate, List<UsageRow>> rowsByDate, List<RejectedLine> rejects)
            implements SegmentOutcome {

        public Rolled {
            Objects.requireNonNull(segment, "segment");
            TreeMap<LocalDate, List<UsageRow>> copy = new TreeMap<>();
            rowsByDate.forEach((date, rows) -> copy.put(date, List.copyOf(rows)));
            rowsByDate = Collections.unmodifiableSortedMap(copy);
            rejects = List.copyOf(rejects);
        }

        long rowCount() {
            return rowsByDate.values().stream().mapToLong(List::size).sum();
        }

        Instant firstCreatedAt() {
            return rows().map(UsageRow::createdAt).min(Instant::compareTo).orElse(null);
        }

        Instant lastCreatedAt() {
            return rows().map(UsageRow::createdAt).max(Instant::compareTo).orElse(null);
        }

        private Stream<UsageRow> rows() {
            return rowsByDate.values().stream().flatMap(List::stream);
        }
    }

    /**
     * Not rolled in this run.
     *
     * @param reason why, for the log: which admission is still within its horizon, or which earlier segment waits
     */
    record Deferred(SegmentId segment, String reason) implements SegmentOutcome {

        public Deferred {
            Objects.requireNonNull(segment, "segment");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
