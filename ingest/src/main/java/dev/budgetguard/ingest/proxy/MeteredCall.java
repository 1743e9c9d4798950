package dev.budgetguard.ingest.proxy;

import dev.budgetguard.schemas.usage.ServiceTier;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One admitted call between its admission and its completion. Whichever ending comes first (answer sent, client gone,
 * upstream failed) writes the completion; later ones are ignored, so a call never has two completions or none.
 */
public final class MeteredCall implements UsageSink {

    private final Metering metering;
    private final UsageRecord admission;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile TokenUsage usage;
    private volatile ServiceTier tier = ServiceTier.STANDARD;
    private volatile long forwardedAt;
    private volatile long upstreamDoneAt;

    MeteredCall(Metering metering, UsageRecord admission) {
        this.metering = metering;
        this.admission = admission;
    }

    public String requestId() {
        return admission.requestId();
    }

    /** Marks the moment the request leaves for the provider. */
    public void forwarding() {
        forwardedAt = System.nanoTime();
    }

    /** Marks the end of the provider's answer; the first call wins. */
    public void upstreamDone() {
        if (upstreamDoneAt == 0) {
            upstreamDoneAt = System.nanoTime();
        }
    }

    /** Whether the provider's answer arrived in full. */
    public boolean upstreamFinished() {
        return upstreamDoneAt != 0;
    }

    public void usage(TokenUsage counted) {
        this.usage = counted;
    }

    /** The service tier the provider reported serving the call in (and whether it was a batch call). */
    public void serviceTier(ServiceTier reported) {
        this.tier = reported == null ? ServiceTier.STANDARD : reported;
    }

    /** The service tier reported so far; {@link ServiceTier#STANDARD} until one is. */
    public ServiceTier serviceTier() {
        return tier;
    }

    @Override
    public void reported(ReportedUsage reported) {
        usage(reported.tokens());
        serviceTier(reported.tier());
    }

    @Override
    public void implausible() {
        implausibleUsage();
    }

    /** Counts a usage report that was discarded as implausible; the call then ends as usage missing. */
    public void implausibleUsage() {
        metering.implausibleUsage();
    }

    /** Usage the provider reported so far, or {@code null}. */
    public TokenUsage usage() {
        return usage;
    }

    /** Writes the completion unless one was written already; true when this call wrote it. */
    public boolean finish(UsageStatus status, int httpStatus, String errorCode) {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        metering.complete(admission, status, httpStatus, usage, tier, latencyMicros(), errorCode);
        return true;
    }

    private long latencyMicros() {
        long start = forwardedAt;
        if (start == 0) {
            return 0;
        }
        long end = upstreamDoneAt == 0 ? System.nanoTime() : upstreamDoneAt;
        return Math.max(0, (end - start) / 1_000);
    }
}
