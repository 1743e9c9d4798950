package dev.budgetguard.ingest.proxy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the proxy's hot path runs.
 *
 * @param eventLoopThreads Reactor Netty IO threads shared by the server and the upstream client; 0 means one per
 *     available processor
 * @param maxBodySize largest request body accepted; larger ones are refused with 400 before anything is forwarded
 * @param maxResponseSize largest upstream answer held in memory: a whole non-stream body, or one SSE event; past it
 *     the client gets 502 {@code upstream_too_large} (or, mid-stream, a cut connection)
 * @param idleTimeout how long a client connection may stay silent while no request is in progress (before its first
 *     request and between keep-alive requests) before it is closed
 * @param requestReadTimeout how long a client may take to send one whole request, headers and body, from its first
 *     byte; a slower one is closed. Never applies while an answer is being waited for or sent.
 * @param exactTokenCountLimit largest prompt text (in characters) whose tokens are counted exactly at admission; a
 *     longer prompt is bounded by its UTF-8 bytes instead (an overestimate, never an underestimate)
 * @param exactTokenCountLoopLimit largest prompt text counted on the event loop; a longer one (up to
 *     {@code exactTokenCountLimit}) is counted on a worker thread first. jtokkit's o200k_base costs about 38 ns per
 *     character here (JMH CostEstimateBenchmark: 13 us p50 for a 300-char prompt, 153 us for 4,000, 2.3 ms for
 *     60,000), so the default keeps the loop's worst case near 150 us per request
 */
@ConfigurationProperties("budgetguard.proxy")
public record ProxyProperties(
        @DefaultValue("0") int eventLoopThreads,
        @DefaultValue("10MB") DataSize maxBodySize,
        @DefaultValue("32MB") DataSize maxResponseSize,
        @DefaultValue("60s") Duration idleTimeout,
        @DefaultValue("30s") Duration requestReadTimeout,
        @DefaultValue("1048576") int exactTokenCountLimit,
        @DefaultValue("4096") int exactTokenCountLoopLimit) {

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
        if (maxResponseSize == null
                || maxResponseSize.toBytes() <= 0
                || maxResponseSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "budgetguard.proxy.max-response-size must be between 1B and 2GB, was " + maxResponseSize);
        }
        if (exactTokenCountLimit < 0 || exactTokenCountLoopLimit < 0) {
            throw new IllegalArgumentException("budgetguard.proxy.exact-token-count-limit and"
                    + " exact-token-count-loop-limit must not be negative, were " + exactTokenCountLimit + " and "
                    + exactTokenCountLoopLimit);
        }
        requirePositive("idle-timeout", idleTimeout);
        requirePositive("request-read-timeout", requestReadTimeout);
    }

    public int maxResponseBytes() {
        return (int) maxResponseSize.toBytes();
    }

    private static void requirePositive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("budgetguard.proxy." + field + " must be positive, was " + value);
        }
    }

    public int maxBodyBytes() {
        return (int) maxBodySize.toBytes();
    }
}
