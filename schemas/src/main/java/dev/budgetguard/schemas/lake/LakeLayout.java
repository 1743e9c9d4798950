package dev.budgetguard.schemas.lake;

import dev.budgetguard.schemas.spool.SegmentId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Paths inside the Parquet lake, relative to its root, and the schema of its usage table.
 *
 * <p>Usage rows are partitioned Hive-style by the UTC date of their admission; every part file is named after the spool
 * segment it came from, so a rerun of the same segment overwrites rather than duplicates.
 */
public final class LakeLayout {

    public static final String USAGE_TABLE = "usage";
    static final String USAGE_SCHEMA_RESOURCE = "/dev/budgetguard/schemas/usage-row.parquet-schema";

    private LakeLayout() {}

    public static String usagePartition(LocalDate date) {
        return USAGE_TABLE + "/date=" + date;
    }

    public static String usagePart(LocalDate date, SegmentId segment) {
        return usagePartition(date) + "/part-" + segment + ".parquet";
    }

    /** The Parquet message type of a usage row, in Parquet's schema language. */
    public static String usageRowSchema() {
        try (InputStream in = LakeLayout.class.getResourceAsStream(USAGE_SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + USAGE_SCHEMA_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
