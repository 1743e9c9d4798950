package dev.budgetguard.jobs.rollup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the collector's spool is, as the jobs see it. The collector has more spool settings under the same prefix;
 * jobs only read sealed segments, so the directory is all they need.
 *
 * @param dir the spool directory, shared with the collector
 */
@ConfigurationProperties("budgetguard.spool")
public record SpoolProperties(@DefaultValue("data/spool") Path dir) {

    public SpoolProperties {
        if (dir == null || dir.toString().isBlank()) {
            throw new IllegalArgumentException("budgetguard.spool.dir must not be blank");
        }
    }
}
