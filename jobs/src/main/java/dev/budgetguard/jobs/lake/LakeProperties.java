package dev.budgetguard.jobs.lake;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the lake lives.
 *
 * @param uri a Hadoop path or URI: a local directory ({@code data/lake}, relative to the working directory), or later
 *     {@code hdfs://...} or {@code s3a://...}
 * @param hadoop extra Hadoop configuration entries (for example S3A endpoint settings); they cannot switch the local
 *     file system back to the checksumming one
 */
@ConfigurationProperties("budgetguard.lake")
public record LakeProperties(@DefaultValue("data/lake") String uri, Map<String, String> hadoop) {

    public LakeProperties {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("budgetguard.lake.uri must not be blank");
        }
        hadoop = hadoop == null ? Map.of() : Map.copyOf(hadoop);
    }
}
