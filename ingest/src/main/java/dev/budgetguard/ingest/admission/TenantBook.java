package dev.budgetguard.ingest.admission;

import dev.budgetguard.schemas.budget.Budget;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one tenant's admission depends on, as one immutable value: its budgets and, per budget, the tally of the
 * latest window seen. Every change returns a new book, so the ledger can publish it with a single compare-and-set and
 * readers always see all budgets at one consistent point. A {@code null} tally means the budget is inactive.
 */
final class TenantBook {

    static final TenantBook EMPTY = new TenantBook(new Budget[0], new WindowTally[0]);

    private final Budget[] budgets;
    private final WindowTally[] tallies;

    private TenantBook(Budget[] budgets, WindowTally[] tallies) {
        this.budgets = budgets;
        this.tallies = tallies;
    }

    /**
     * The tallies of the windows containing {@code at}; the same array when nothing rolled, so the common case
     * allocates nothing. A window that has ended is replaced by an empty one at its end's very instant; an {@code at}
     * older than the current window (a request that raced the rollover) is counted in the newer window, never rolled
     * back, which is conservative.
     */
    WindowTally[] rolledTo(Instant at) {
        WindowTally[] rolled = tallies;
        for (int i = 0; i < tallies.length; i++) {
            WindowTally tally = tallies[i];
            if (tally != null && at.isBefore(tally.window().end())) {
                continue;
            }
            if (rolled == tallies) {
                rolled = tallies.clone();
            }
            rolled[i] = budgets[i].window(at).map(WindowTally::empty).orElse(null);
        }
        return rolled;
    }

    /** Whether any budget has a window containing {@code at}. */
    boolean anyActive(Instant at) {
        for (Budget budget : budgets) {
            if (budget.window(at).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The first budget that {@code estimate} does not fit, or {@code null} when it fits them all. */
    Admission.Refused refusal(WindowTally[] rolled, BigDecimal estimate) {
        for (int i = 0; i < rolled.length; i++) {
            WindowTally tally = rolled[i];
            BigDecimal limit = budgets[i].limitUsd();
            if (tally != null && !tally.fits(estimate, limit)) {
                return new Admission.Refused(
                        budgets[i].id(), budgets[i].period(), limit, tally.remainingUsd(limit), tally.window());
            }
        }
        return null;
    }

    TenantBook reserved(WindowTally[] rolled, BigDecimal estimate) {
        WindowTally[] next = new WindowTally[rolled.length];
        for (int i = 0; i < rolled.length; i++) {
            next[i] = rolled[i] == null ? null : rolled[i].reserve(estimate);
        }
        return new TenantBook(budgets, next);
    }

    Hold[] holds(WindowTally[] rolled) {
        int active = 0;
        for (WindowTally tally : rolled) {
            active += tally == null ? 0 : 1;
        }
        Hold[] holds = new Hold[active];
        for (int i = 0, h = 0; i < rolled.length; i++) {
            if (rolled[i] != null) {
                holds[h++] = new Hold(budgets[i].id(), rolled[i].window().start());
            }
        }
        return holds;
    }

    /**
     * Ends a reservation: its hold leaves each window it is still in and {@code actual} is booked there. A budget added
     * while the request ran gets the actual cost too when its window contains the admission, so no spend is forgotten.
     */
    TenantBook settled(Hold[] holds, BigDecimal held, BigDecimal actual, Instant admittedAt) {
        WindowTally[] next = tallies.clone();
        for (int i = 0; i < next.length; i++) {
            WindowTally tally = next[i];
            Hold hold = holdOn(holds, budgets[i].id());
            if (hold != null) {
                if (tally != null && hold.windowStart().equals(tally.window().start())) {
                    next[i] = tally.settle(held, actual);
                }
                continue;
            }
            if (tally == null) {
                tally = budgets[i].window(admittedAt).map(WindowTally::empty).orElse(null);
            }
            if (tally != null && tally.window().contains(admittedAt)) {
                next[i] = tally.settle(BigDecimal.ZERO, actual);
            }
        }
        return new TenantBook(budgets, next);
    }

    private static Hold holdOn(Hold[] holds, String budgetId) {
        for (Hold hold : holds) {
            if (hold.budgetId().equals(budgetId)) {
                return hold;
            }
        }
        return null;
    }

    /**
     * New budgets; a budget keeping its id, period and zone keeps its tally, so open holds still count. Any other
     * budget is seeded in its window containing {@code at} when a seeder is given.
     */
    TenantBook withBudgets(String tenantId, List<Budget> replacement, WindowSeeder seeder, Instant at) {
        Budget[] next = replacement.toArray(Budget[]::new);
        requireOwnedAndUnique(tenantId, next);
        WindowTally[] nextTallies = new WindowTally[next.length];
        for (int i = 0; i < next.length; i++) {
            int old = indexOf(next[i].id());
            if (old >= 0
                    && budgets[old].period().equals(next[i].period())
                    && budgets[old].zone().equals(next[i].zone())) {
                nextTallies[i] = tallies[old];
            } else if (seeder != null) {
                nextTallies[i] = DurableSpend.seed(next[i], null, seeder, at);
            }
        }
        return new TenantBook(next, nextTallies);
    }

    private static void requireOwnedAndUnique(String tenantId, Budget[] budgets) {
        Set<String> ids = new HashSet<>();
        for (Budget budget : budgets) {
            Objects.requireNonNull(budget, "budgets");
            if (!budget.tenantId().equals(tenantId)) {
                throw new IllegalArgumentException(
                        "tenantId: budget " + budget.id() + " belongs to " + budget.tenantId() + ", not " + tenantId);
            }
            if (!ids.add(budget.id())) {
                throw new IllegalArgumentException("id: duplicate budget id " + budget.id());
            }
        }
    }

    /** Applies a durable baseline to the window it names: the current one is rebased, a later one starts fresh. */
    TenantBook rebased(SpendBaseline baseline) {
        int i = indexOf(baseline.budgetId());
        if (i < 0) {
            return this;
        }
        WindowTally next = DurableSpend.rebased(budgets[i], tallies[i], baseline);
        return next == tallies[i] ? this : with(i, next);
    }

    /** A newer snapshot applied to every budget's window containing {@code at}; see {@link SpendLedger}. */
    TenantBook snapshotApplied(String tenantId, SnapshotSpend snapshot, Instant at) {
        WindowTally[] next = tallies.clone();
        for (int i = 0; i < next.length; i++) {
            next[i] = DurableSpend.snapshotApplied(tenantId, budgets[i], tallies[i], snapshot, at);
        }
        return new TenantBook(budgets, next);
    }

    /** Every budget's window containing {@code at} seeded outright; open holds in that window stay. */
    TenantBook seeded(WindowSeeder seeder, Instant at) {
        WindowTally[] next = tallies.clone();
        for (int i = 0; i < next.length; i++) {
            WindowTally seeded = DurableSpend.seed(budgets[i], tallies[i], seeder, at);
            next[i] = seeded == null ? tallies[i] : seeded;
        }
        return new TenantBook(budgets, next);
    }

    int size() {
        return budgets.length;
    }

    Budget budget(int i) {
        return budgets[i];
    }

    WindowTally tally(int i) {
        return tallies[i];
    }

    /** Whether {@code other} holds the very same budgets, so tallies at one index belong to one budget in both. */
    boolean sameBudgetsAs(TenantBook other) {
        return other.budgets == budgets;
    }

    private TenantBook with(int i, WindowTally tally) {
        WindowTally[] next = tallies.clone();
        next[i] = tally;
        return new TenantBook(budgets, next);
    }

    BudgetUsage usage(String budgetId, Instant at) {
        int i = indexOf(budgetId);
        WindowTally tally = i < 0 ? null : rolledTo(at)[i];
        if (tally == null) {
            return null;
        }
        return new BudgetUsage(budgetId, tally.window(), budgets[i].limitUsd(), tally.spentUsd(), tally.reservedUsd());
    }

    private int indexOf(String budgetId) {
        for (int i = 0; i < budgets.length; i++) {
            if (budgets[i].id().equals(budgetId)) {
                return i;
            }
        }
        return -1;
    }
}
