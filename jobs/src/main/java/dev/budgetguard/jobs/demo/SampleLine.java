package dev.budgetguard.jobs.demo;

import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One request of the sample traffic ({@code sample-data/traffic.ndjson}): what the collector saw, not what it cost.
 *
 * @param lineNumber 1-based, which also names the request ({@code sample-000123}) so a replay is traceable to its line
 * @param model null only on refusals
 */
record SampleLine(
        long lineNumber,
        Instant ts,
        String tenant,
        String route,
        String model,
        boolean stream,
        UsageStatus outcome,
        int httpStatus,
        String errorCode,
        TokenUsage usage,
        Duration latency) {

    SampleLine {
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(latency, "latency_ms");
        if (model == null && outcome != UsageStatus.REJECTED) {
            throw new IllegalArgumentException("line " + lineNumber + ": model is required unless rejected");
        }
    }

    String requestId() {
        return String.format("sample-%06d", lineNumber);
    }
}
