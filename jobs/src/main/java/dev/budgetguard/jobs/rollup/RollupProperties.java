package dev.budgetguard.jobs.rollup;

import java.time.Duration;
import java.util.Set;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the rollup job.
 *
 * @param completionHorizon how long after its admission a request may still be completed; an admission without a
 *     completion becomes an {@code incomplete} row only after this. Keep it longer than any upstream timeout.
 * @param compression Parquet codec of the part files: {@code zstd} or {@code snappy}
 */
@ConfigurationProperties("budgetguard.rollup")
public record RollupProperties(
        @DefaultValue("1h") Duration completionHorizon,
        @DefaultValue("zstd") CompressionCodecName compression) {

    private static final Set<CompressionCodecName> SUPPORTED =
            Set.of(CompressionCodecName.ZSTD, CompressionCodecName.SNAPPY);

    public RollupProperties {
        if (completionHorizon == null || completionHorizon.isNegative() || completionHorizon.isZero()) {
            throw new IllegalArgumentException(
                    "budgetguard.rollup.completion-horizon must be positive, was " + completionHorizon);
        }
        if (!SUPPORTED.contains(compression)) {
            throw new IllegalArgumentException(
                    "budgetguard.rollup.compression must be zstd or snappy, was " + compression);
        }
    }
}
