package dev.budgetguard.ingest.proxy.spool;

import dev.budgetguard.schemas.spool.FsyncPolicy;
import dev.budgetguard.schemas.spool.SpoolSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where and how the collector spools its records.
 *
 * @param dir spool directory, shared with the jobs that roll sealed segments into the lake
 * @param nodeId this collector's name in segment ids; unique per collector writing to the same directory
 * @param maxSegmentSize a segment is sealed before it grows past this
 * @param maxSegmentAge a segment is sealed once its first record is this old
 * @param fsync {@code always} (forwarding waits for the admission to be on disk), {@code interval} or {@code never}
 * @param fsyncInterval how often {@code interval} forces the file
 * @param queueCapacity records waiting for the writer beyond which calls are shed with 503
 */
@ConfigurationProperties("budgetguard.spool")
public record SpoolProperties(
        @DefaultValue("data/spool") Path dir,
        @DefaultValue("node1") String nodeId,
        @DefaultValue("64MB") DataSize maxSegmentSize,
        @DefaultValue("5m") Duration maxSegmentAge,
        @DefaultValue("interval") FsyncPolicy fsync,
        @DefaultValue("5ms") Duration fsyncInterval,
        @DefaultValue("65536") int queueCapacity) {

    public SpoolProperties {
        // SpoolSettings validates every field and names it; building it here fails the binding, not the first write.
        new SpoolSettings(dir, nodeId, maxSegmentSize.toBytes(), maxSegmentAge, fsync, fsyncInterval, queueCapacity);
    }

    public SpoolSettings settings() {
        return new SpoolSettings(
                dir, nodeId, maxSegmentSize.toBytes(), maxSegmentAge, fsync, fsyncInterval, queueCapacity);
    }
}
