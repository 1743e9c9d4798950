package dev.budgetguard.schemas.spool;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A spool line that could not be read as a usage record, reported instead of failing the whole segment.
 *
 * @param lineNumber 1-based line in the segment
 * @param reason why the line was rejected
 */
public record RejectedLine(Path segment, long lineNumber, String reason) {

    public RejectedLine {
        Objects.requireNonNull(segment, "segment");
        if (lineNumber < 1) {
            throw new IllegalArgumentException("lineNumber is 1-based, was " + lineNumber);
        }
        reason = reason == null ? "unreadable line" : reason;
    }
}
