package dev.budgetguard.schemas.usage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One line of the collector's spool: an admission, a completion or a refusal of one request.
 *
 * <p>A completion repeats the request's identity (tenant, model, route, stream, admission time) so that it alone makes a
 * ledger row; the admission exists so that a request whose completion never came is still accounted for. Instants are
 * kept to the microsecond, the lake's resolution.
 *
 * @param model the model the client asked for; {@code null} only on a refusal that came before the body was read
 * @param completedAt when the request ended; {@code null} on admissions
 * @param httpStatus status answered to the client; 0 on admissions
 * @param upstreamLatencyMicros time from forwarding to the end of the upstream answer; 0 when nothing was forwarded
 * @param errorCode machine-readable reason for refusals and errors, else {@code null}
 * @param serviceTier the provider's service tier and batch flag; {@link ServiceTier#STANDARD} when none was reported
 *     (and on every record written before the field existed)
 */
public record UsageRecord(
        RecordKind kind,
        String requestId,
        String tenantId,
        String provider,
        String route,
        String model,
        boolean stream,
        Instant createdAt,
        Instant completedAt,
        UsageStatus status,
        int httpStatus,
        TokenUsage usage,
        Cost cost,
        long upstreamLatencyMicros,
        String errorCode,
        ServiceTier serviceTier) {

    public UsageRecord {
        Objects.requireNonNull(kind, "kind");
        requireText("request_id", requestId);
        requireText("tenant_id", tenantId);
        requireText("provider", provider);
        requireText("route", route);
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(cost, "cost");
        serviceTier = serviceTier == null ? ServiceTier.STANDARD : serviceTier;
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        completedAt = completedAt == null ? null : completedAt.truncatedTo(ChronoUnit.MICROS);
        if (upstreamLatencyMicros < 0) {
            throw new IllegalArgumentException(
                    "upstream_latency_us must not be negative, was " + upstreamLatencyMicros);
        }
        if (httpStatus < 0 || httpStatus > 599) {
            throw new IllegalArgumentException("http_status out of range: " + httpStatus);
        }
        switch (kind) {
            case ADMISSION -> {
                if (status != UsageStatus.ADMITTED) {
                    throw new IllegalArgumentException("an admission has status admitted, got " + status.wireName());
                }
                requireText("model", model);
                if (cost.status() == CostStatus.PRICED) {
                    throw new IllegalArgumentException(
                            "an admission's cost is its estimate (estimated, unpriced or none), got priced");
                }
            }
            case COMPLETION -> {
                Objects.requireNonNull(completedAt, "completed_at");
                requireText("model", model);
                if (status == UsageStatus.ADMITTED || status == UsageStatus.REJECTED) {
                    throw new IllegalArgumentException("a completion cannot have status " + status.wireName());
                }
            }
            case REFUSAL -> {
                if (status != UsageStatus.REJECTED) {
                    throw new IllegalArgumentException("a refusal has status rejected, got " + status.wireName());
                }
            }
        }
    }

    /** A record at the standard service tier, as every record was before tiers were recorded. */
    public UsageRecord(
            RecordKind kind,
            String requestId,
            String tenantId,
            String provider,
            String route,
            String model,
            boolean stream,
            Instant createdAt,
            Instant completedAt,
            UsageStatus status,
            int httpStatus,
            TokenUsage usage,
            Cost cost,
            long upstreamLatencyMicros,
            String errorCode) {
        this(
                kind,
                requestId,
                tenantId,
                provider,
                route,
                model,
                stream,
                createdAt,
                completedAt,
                status,
                httpStatus,
                usage,
                cost,
                upstreamLatencyMicros,
                errorCode,
                ServiceTier.STANDARD);
    }

    /** The record written just before a request is forwarded, without an estimate of its cost. */
    public static UsageRecord admission(
            String requestId,
            String tenantId,
            String provider,
            String route,
            String model,
            boolean stream,
            Instant at) {
        return admission(requestId, tenantId, provider, route, model, stream, at, Cost.NONE);
    }

    /**
     * The record written just before a request is forwarded, carrying its reservation's worst-case cost: status
     * {@code estimated} ({@link Cost#estimated}); {@code unpriced} when the model has no price in force (nothing was
     * reserved). An admission whose completion never came counts this estimate against caps.
     */
    public static UsageRecord admission(
            String requestId,
            String tenantId,
            String provider,
            String route,
            String model,
            boolean stream,
            Instant at,
            Cost estimate) {
        return new UsageRecord(
                RecordKind.ADMISSION,
                requestId,
                tenantId,
                provider,
                route,
                model,
                stream,
                at,
                null,
                UsageStatus.ADMITTED,
                0,
                TokenUsage.ZERO,
                estimate,
                0,
                null);
    }

    /** A request refused before forwarding. {@code tenantId} is the claimed one, which may not exist. */
    public static UsageRecord refusal(
            String requestId,
            String tenantId,
            String provider,
            String route,
            String model,
            boolean stream,
            Instant at,
            int httpStatus,
            String errorCode) {
        return new UsageRecord(
                RecordKind.REFUSAL,
                requestId,
                tenantId,
                provider,
                route,
                model,
                stream,
                at,
                at,
                UsageStatus.REJECTED,
                httpStatus,
                TokenUsage.ZERO,
                Cost.NONE,
                0,
                errorCode);
    }

    /** The completion of this admission, at the admission's service tier. */
    public UsageRecord complete(
            Instant at,
            UsageStatus outcome,
            int answeredStatus,
            TokenUsage counted,
            Cost priced,
            long latencyMicros,
            String error) {
        return complete(at, outcome, answeredStatus, counted, priced, latencyMicros, error, serviceTier);
    }

    /** The completion of this admission, at the service tier the provider reported. */
    public UsageRecord complete(
            Instant at,
            UsageStatus outcome,
            int answeredStatus,
            TokenUsage counted,
            Cost priced,
            long latencyMicros,
            String error,
            ServiceTier tier) {
        if (kind != RecordKind.ADMISSION) {
            throw new IllegalStateException("only an admission can be completed, this is a " + kind.wireName());
        }
        return new UsageRecord(
                RecordKind.COMPLETION,
                requestId,
                tenantId,
                provider,
                route,
                model,
                stream,
                createdAt,
                at,
                outcome,
                answeredStatus,
                counted,
                priced,
                latencyMicros,
                error,
                tier);
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
