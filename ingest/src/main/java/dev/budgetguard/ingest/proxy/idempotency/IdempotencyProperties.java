package dev.budgetguard.ingest.proxy.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How requests with an {@code Idempotency-Key} are remembered, per node and in memory.
 *
 * @param ttl how long a key is remembered from its first request
 * @param maxEntries keys remembered at most; past it the oldest is forgotten
 * @param maxAnswerSize largest answer kept for replays; a larger one is relayed but not kept (its key is let go)
 * @param maxMemory bytes of kept answers at most; past it the oldest keys are forgotten
 */
@ConfigurationProperties("budgetguard.proxy.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration ttl,
        @DefaultValue("100000") int maxEntries,
        @DefaultValue("1MB") DataSize maxAnswerSize,
        @DefaultValue("64MB") DataSize maxMemory) {

    public IdempotencyProperties {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("budgetguard.proxy.idempotency.ttl must be positive, was " + ttl);
        }
        if (maxEntries <= 0) {
            throw new IllegalArgumentException(
                    "budgetguard.proxy.idempotency.max-entries must be positive, was " + maxEntries);
        }
        requireSize("max-answer-size", maxAnswerSize);
        requireSize("max-memory", maxMemory);
    }

    public int maxAnswerBytes() {
        return (int) maxAnswerSize.toBytes();
    }

    private static void requireSize(String field, DataSize size) {
        if (size == null || size.toBytes() <= 0 || size.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "budgetguard.proxy.idempotency." + field + " must be between 1B and 2GB, was " + size);
        }
    }
}
