package dev.budgetguard.ingest.snapshot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the collector follows the budget snapshot.
 *
 * @param pollInterval how often the newest snapshot id is read; at most 5 s, so other nodes' spend shows up promptly
 */
@ConfigurationProperties("budgetguard.snapshot")
public record SnapshotProperties(@DefaultValue("5s") Duration pollInterval) {

    static final Duration LONGEST_POLL = Duration.ofSeconds(5);

    public SnapshotProperties {
        if (pollInterval == null
                || pollInterval.isNegative()
                || pollInterval.isZero()
                || pollInterval.compareTo(LONGEST_POLL) > 0) {
            throw new IllegalArgumentException(
                    "budgetguard.snapshot.poll-interval must be positive and at most 5s, was " + pollInterval);
        }
    }
}
