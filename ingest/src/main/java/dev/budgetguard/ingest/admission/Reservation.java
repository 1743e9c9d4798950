package dev.budgetguard.ingest.admission;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Money held for one admitted request. It ends exactly once: {@link #settle} books the actual cost in place of the
 * hold, {@link #release} drops it; every later call is a no-op returning {@code false}. Use it in try-with-resources:
 * {@link #close} releases whatever was not settled, so a reservation cannot outlive its request.
 */
public final class Reservation implements AutoCloseable {

    private final String tenantId;
    private final AtomicReference<TenantBook> book;
    private final Hold[] holds;
    private final BigDecimal estimateUsd;
    private final Instant admittedAt;
    private final SpendListeners listeners;
    private final AtomicBoolean open = new AtomicBoolean(true);

    Reservation(
            String tenantId,
            AtomicReference<TenantBook> book,
            Hold[] holds,
            BigDecimal estimateUsd,
            Instant admittedAt,
            SpendListeners listeners) {
        this.tenantId = tenantId;
        this.book = book;
        this.holds = holds;
        this.estimateUsd = estimateUsd;
        this.admittedAt = admittedAt;
        this.listeners = listeners;
    }

    /**
     * Replaces the hold with what the request really cost. The actual may exceed the estimate (it is a fact, not a
     * request), which only makes the following requests see less room.
     *
     * @return {@code true} if this call ended the reservation, {@code false} if it had already ended
     */
    public boolean settle(BigDecimal actualUsd) {
        Objects.requireNonNull(actualUsd, "actualUsd");
        if (actualUsd.signum() < 0) {
            throw new IllegalArgumentException("actualUsd: must be >= 0, was " + actualUsd.toPlainString());
        }
        return end(actualUsd);
    }

    /** Drops the hold of a request that cost nothing (refused upstream, failed before any usage). */
    public boolean release() {
        return end(BigDecimal.ZERO);
    }

    /** Releases the hold unless the reservation was already settled or released. */
    @Override
    public void close() {
        release();
    }

    public boolean isOpen() {
        return open.get();
    }

    public String tenantId() {
        return tenantId;
    }

    public BigDecimal estimateUsd() {
        return estimateUsd;
    }

    public Instant admittedAt() {
        return admittedAt;
    }

    private boolean end(BigDecimal actualUsd) {
        // The flag flips first and only once, so two racing settle/release calls can never both touch the book.
        if (!open.compareAndSet(true, false)) {
            return false;
        }
        TenantBook before;
        TenantBook after;
        do {
            before = book.get();
            after = before.settled(holds, estimateUsd, actualUsd, admittedAt);
        } while (!book.compareAndSet(before, after));
        if (actualUsd.signum() > 0) {
            listeners.compare(before, after);
        }
        return true;
    }

    @Override
    public String toString() {
        return "Reservation[tenantId=" + tenantId + ", estimateUsd=" + estimateUsd.toPlainString() + ", open="
                + open.get() + "]";
    }
}
