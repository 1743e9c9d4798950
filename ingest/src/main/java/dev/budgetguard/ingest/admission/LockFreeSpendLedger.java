package dev.budgetguard.ingest.admission;

import dev.budgetguard.schemas.budget.Budget;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A {@link SpendLedger} holding one immutable {@link TenantBook} per tenant behind an {@link AtomicReference}. An
 * admission reads the book, checks every budget and publishes the reserved book with one compare-and-set, retrying if
 * another request of the same tenant got there first; so the check and the hold are one atomic step across all the
 * tenant's budgets and concurrent requests cannot overshoot. Tenants never contend with each other, refusals write
 * nothing, and nobody ever blocks.
 */
public final class LockFreeSpendLedger implements SpendLedger {

    private static final Hold[] NO_HOLDS = {};

    private final ConcurrentHashMap<String, AtomicReference<TenantBook>> books = new ConcurrentHashMap<>();
    private final SpendListeners listeners = new SpendListeners();
    private final Clock clock;
    private volatile WindowSeeder seeder;

    public LockFreeSpendLedger() {
        this(Clock.systemUTC());
    }

    /** {@code clock} picks the window a budget added by {@link #replaceBudgets} is seeded in. */
    public LockFreeSpendLedger(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Admission tryAdmit(String tenantId, BigDecimal estimateUsd, Instant at) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(estimateUsd, "estimateUsd");
        if (estimateUsd.signum() < 0) {
            throw new IllegalArgumentException("estimateUsd: must be >= 0, was " + estimateUsd.toPlainString());
        }
        AtomicReference<TenantBook> cell = books.get(tenantId);
        if (cell == null) {
            return new Admission.Admitted(new Reservation(
                    tenantId, new AtomicReference<>(TenantBook.EMPTY), NO_HOLDS, estimateUsd, at, listeners));
        }
        while (true) {
            TenantBook book = cell.get();
            WindowTally[] rolled = book.rolledTo(at);
            Admission.Refused refused = book.refusal(rolled, estimateUsd);
            if (refused != null) {
                return refused;
            }
            if (cell.compareAndSet(book, book.reserved(rolled, estimateUsd))) {
                return new Admission.Admitted(
                        new Reservation(tenantId, cell, book.holds(rolled), estimateUsd, at, listeners));
            }
        }
    }

    @Override
    public boolean capped(String tenantId, Instant at) {
        AtomicReference<TenantBook> cell = books.get(tenantId);
        return cell != null && cell.get().anyActive(at);
    }

    @Override
    public void replaceBudgets(String tenantId, List<Budget> budgets) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(budgets, "budgets");
        AtomicReference<TenantBook> cell =
                books.computeIfAbsent(tenantId, id -> new AtomicReference<>(TenantBook.EMPTY));
        WindowSeeder current = seeder;
        Instant at = clock.instant();
        cell.updateAndGet(book -> book.withBudgets(tenantId, budgets, current, at));
    }

    @Override
    public void removeTenant(String tenantId) {
        books.remove(tenantId);
    }

    @Override
    public void applyBaseline(SpendBaseline baseline) {
        Objects.requireNonNull(baseline, "baseline");
        AtomicReference<TenantBook> cell = books.get(baseline.tenantId());
        if (cell != null) {
            update(cell, book -> book.rebased(baseline));
        }
    }

    @Override
    public void applySnapshot(SnapshotSpend snapshot, Instant at) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(at, "at");
        books.forEach((tenantId, cell) -> update(cell, book -> book.snapshotApplied(tenantId, snapshot, at)));
    }

    @Override
    public void seedWith(WindowSeeder seeder, Instant at) {
        Objects.requireNonNull(seeder, "seeder");
        Objects.requireNonNull(at, "at");
        this.seeder = seeder;
        books.values().forEach(cell -> cell.updateAndGet(book -> book.seeded(seeder, at)));
    }

    @Override
    public void addSpendListener(SpendListener listener) {
        listeners.add(listener);
    }

    @Override
    public Optional<BudgetUsage> usage(String tenantId, String budgetId, Instant at) {
        AtomicReference<TenantBook> cell = books.get(tenantId);
        return cell == null ? Optional.empty() : Optional.ofNullable(cell.get().usage(budgetId, at));
    }

    private void update(AtomicReference<TenantBook> cell, UnaryOperator<TenantBook> change) {
        TenantBook before;
        TenantBook after;
        do {
            before = cell.get();
            after = change.apply(before);
        } while (!cell.compareAndSet(before, after));
        listeners.compare(before, after);
    }
}
