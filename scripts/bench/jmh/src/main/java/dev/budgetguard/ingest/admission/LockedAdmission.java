package dev.budgetguard.ingest.admission;

import dev.budgetguard.schemas.budget.Budget;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark baseline only: one tenant's admission step as in {@link LockFreeSpendLedger}, but taken under a monitor
 * instead of a compare-and-set retry, to measure what the lock-free choice buys under contention. It sits in the
 * ledger's package to reach the package-private book; settlement still publishes by compare-and-set, so the admission
 * publishes by compare-and-set too (a plain set under the lock could lose a concurrent settlement).
 */
public final class LockedAdmission {

    private final String tenantId;
    private final AtomicReference<TenantBook> book;
    private final SpendListeners listeners = new SpendListeners();

    public LockedAdmission(String tenantId, List<Budget> budgets, Instant at) {
        this.tenantId = tenantId;
        this.book = new AtomicReference<>(
                TenantBook.EMPTY.withBudgets(tenantId, budgets, (budget, window) -> WindowSeeder.Seed.NONE, at));
    }

    public Admission tryAdmit(BigDecimal estimateUsd, Instant at) {
        synchronized (book) {
            while (true) {
                TenantBook current = book.get();
                WindowTally[] rolled = current.rolledTo(at);
                Admission.Refused refused = current.refusal(rolled, estimateUsd);
                if (refused != null) {
                    return refused;
                }
                if (book.compareAndSet(current, current.reserved(rolled, estimateUsd))) {
                    return new Admission.Admitted(
                            new Reservation(tenantId, book, current.holds(rolled), estimateUsd, at, listeners));
                }
            }
        }
    }
}
