package dev.budgetguard.jobs.rollup;

import dev.budgetguard.schemas.spool.SegmentId;
import dev.budgetguard.schemas.usage.Cost;
import dev.budgetguard.schemas.usage.ServiceTier;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One row of the lake's usage table ({@code usage-row.parquet-schema}), owned by the segment that produced it.
 *
 * @param completedAt {@code null} for an incomplete request
 * @param serviceTier the provider's service tier and batch flag ({@link ServiceTier#STANDARD} when none reported)
 */
record UsageRow(
        String requestId,
        String tenantId,
        String provider,
        String route,
        String model,
        boolean stream,
        UsageStatus status,
        int httpStatus,
        String errorCode,
        Instant createdAt,
        Instant completedAt,
        TokenUsage usage,
        Cost cost,
        long upstreamLatencyMicros,
        SegmentId segment,
        ServiceTier serviceTier) {

    UsageRow {
        Objects.requireNonNull(requestId, "request_id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(segment, "segment_id");
        serviceTier = serviceTier == null ? ServiceTier.STANDARD : serviceTier;
        if (status == UsageStatus.ADMITTED) {
            throw new IllegalArgumentException("a usage row cannot have status admitted (request " + requestId + ")");
        }
    }

    /** The row of a completion or a refusal: the record already carries the whole outcome. */
    static UsageRow of(UsageRecord record, SegmentId segment) {
        return new UsageRow(
                record.requestId(),
                record.tenantId(),
                record.provider(),
                record.route(),
                record.model(),
                record.stream(),
                record.status(),
                record.httpStatus(),
                record.errorCode(),
                record.createdAt(),
                record.completedAt(),
                record.usage(),
                record.cost(),
                record.upstreamLatencyMicros(),
                segment,
                record.serviceTier());
    }

    /**
     * The row of an admission whose completion never came. It carries the admission's cost, which is the reservation's
     * estimate ({@code estimated}) for admissions that have one: caps count that estimate, as the collector did while
     * the request was open. Admissions written without an estimate stay at {@code none}.
     */
    static UsageRow incomplete(UsageRecord admission, SegmentId segment) {
        return new UsageRow(
                admission.requestId(),
                admission.tenantId(),
                admission.provider(),
                admission.route(),
                admission.model(),
                admission.stream(),
                UsageStatus.INCOMPLETE,
                0,
                null,
                admission.createdAt(),
                null,
                TokenUsage.ZERO,
                admission.cost(),
                0,
                segment,
                admission.serviceTier());
    }

    /** The Hive partition the row lands in: the UTC date of its admission. */
    LocalDate partitionDate() {
        return LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
    }
}
