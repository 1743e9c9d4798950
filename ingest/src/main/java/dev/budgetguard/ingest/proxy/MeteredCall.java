package dev.budgetguard.ingest.proxy;

import dev.budgetguard.ingest.admission.Reservation;
import dev.budgetguard.schemas.usage.Cost;
import dev.budgetguard.schemas.usage.CostStatus;
import dev.budgetguard.schemas.usage.ServiceTier;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One admitted call between its admission and its completion. Whichever ending comes first (answer sent, client gone,
 * upstream failed) writes the completion and ends the call's reservation; later ones are ignored, so a call never
 * has two completions or none, and its reservation never outlives it.
 *
 * <p>What a call costs: nothing when it was never sent or the provider answered it with an error status (providers
 * do not bill errors); otherwise the price of the reported usage, or when no usage is known the reservation's
 * estimate (cost status {@code estimated}), also when the call failed after it was sent.
 *
 * <p>The reservation ends by the one rule the ledger, the spool rebuild and the snapshot job share: a completion
 * whose cost is {@code priced} or {@code estimated} settles at that amount (a {@code usage_missing} completion carries
 * the reservation's estimate); {@code none} or {@code unpriced} releases it.
 */
public final class MeteredCall implements UsageSink {

    /** What else happens once a call has ended: output tokens counted, an idempotent answer kept or let go. */
    @FunctionalInterface
    interface Ending {
        Ending NOTHING = completion -> {};

        /** @param completion the completion written, or {@code null} when the call was abandoned without one */
        void ended(UsageRecord completion);
    }

    private final Metering metering;
    private final UsageRecord admission;
    private final Reservation reservation;
    private final Ending ending;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile TokenUsage usage;
    private volatile ServiceTier tier = ServiceTier.STANDARD;
    private volatile long forwardedAt;
    private volatile long upstreamDoneAt;
    private volatile boolean providerError;
    private final AnswerRecorder recorder;

    /**
     * @param reservation the money held for the call, or {@code null} when nothing is held
     * @param recorder keeps what the client is answered for replays of an idempotent request, or {@code null}
     */
    MeteredCall(
            Metering metering, UsageRecord admission, Reservation reservation, AnswerRecorder recorder, Ending ending) {
        this.metering = metering;
        this.admission = admission;
        this.reservation = reservation;
        this.recorder = recorder;
        this.ending = ending;
    }

    public String requestId() {
        return admission.requestId();
    }

    UsageRecord admission() {
        return admission;
    }

    /** Marks the moment the request leaves for the provider. */
    public void forwarding() {
        forwardedAt = System.nanoTime();
    }

    /** Whether the request was sent to the provider (which may then bill for it whatever happens next). */
    boolean forwarded() {
        return forwardedAt != 0;
    }

    /** Marks that the provider answered with an error status of its own, which providers do not bill. */
    void providerErrorAnswer() {
        providerError = true;
    }

    /** Whether the provider answered with an error status of its own. */
    boolean providerErrorAnswered() {
        return providerError;
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

    /** Where the answer is kept while it is relayed, or {@code null}. */
    AnswerRecorder recorder() {
        return recorder;
    }

    /** Writes the completion unless one was written already; true when this call wrote it. */
    public boolean finish(UsageStatus status, int httpStatus, String errorCode) {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        UsageRecord completion;
        try {
            completion = metering.complete(this, status, httpStatus, usage, latencyMicros(), errorCode);
        } catch (RuntimeException e) {
            // Whatever failed, the hold must not outlive the call: a held estimate would refuse later requests.
            endReservation(null);
            throw e;
        }
        endReservation(completion.cost());
        ending.ended(completion);
        return true;
    }

    /**
     * Ends a call whose admission never became durable: no completion (there is no admission to complete), the hold
     * released. No-op once the call has ended.
     */
    void abandon() {
        if (finished.compareAndSet(false, true)) {
            endReservation(null);
            ending.ended(null);
        }
    }

    private void endReservation(Cost cost) {
        if (reservation == null) {
            return;
        }
        if (cost != null && (cost.status() == CostStatus.PRICED || cost.status() == CostStatus.ESTIMATED)) {
            reservation.settle(cost.amountUsd());
        } else {
            reservation.release();
        }
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
