package dev.budgetguard.reports.lake;

import dev.budgetguard.schemas.lake.LakeLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A report was asked of a lake that holds no usage files at all: the rollup has not run yet, or the lake path points
 * somewhere else. Distinct from a period without usage, which is an empty report.
 */
public final class EmptyLakeException extends LakeQueryException {

    public EmptyLakeException(Path lake) {
        super(lake, describe(lake), null);
    }

    private static String describe(Path lake) {
        String expected = LakeLayout.USAGE_TABLE + "/date=YYYY-MM-DD/part-*.parquet";
        if (!Files.isDirectory(lake)) {
            return "no usage data: the lake directory does not exist; run the rollup first or pass the right lake path";
        }
        return "no usage data: no files match " + expected + " yet; run the rollup first or pass the right lake path";
    }
}
