package dev.budgetguard.ingest.proxy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the proxy's hot path runs.
 *
 * @param eventLoopThreads Reactor Netty IO threads shared by the server and the upstream client; 0 means one per
 *     available processor
 * @param maxBodySize largest request body accepted; larger ones are refused with 400 before anything is forwarded
 */
@ConfigurationProperties("budgetguard.proxy")
public record ProxyProperties(
        @DefaultValue("0") int eventLoopThreads,
        @DefaultValue("10MB") DataSize maxBodySize) {

    public ProxyProperties {
        if (eventLoopThreads < 0) {
            throw new IllegalArgumentException(
                    "budgetguard.proxy.event-loop-threads must not be negative, was " + eventLoopThreads);
        }
        if (eventLoopThreads == 0) {
            eventLoopThreads = Runtime.getRuntime().availableProcessors();
        }
        if (maxBodySize == null || maxBodySize.toBytes() <= 0 || maxBodySize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "budgetguard.proxy.max-body-size must be between 1B and 2GB, was " + maxBodySize);
        }
    }

    public int maxBodyBytes() {
        return (int) maxBodySize.toBytes();
    }
}
