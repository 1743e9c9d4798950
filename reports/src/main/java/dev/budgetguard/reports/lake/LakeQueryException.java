package dev.budgetguard.reports.lake;

import java.nio.file.Path;

/** DuckDB could not open, define or query the views over a lake; the message names the lake and what was tried. */
public class LakeQueryException extends RuntimeException {

    private final Path lake;

    public LakeQueryException(Path lake, String message, Throwable cause) {
        super(message + " (lake " + lake + ")", cause);
        this.lake = lake;
    }

    public Path lake() {
        return lake;
    }
}
