package dev.budgetguard.jobs.budgets;

import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The snapshot's rows, plain Java: for each budget, every window from the one active at {@code asOf} through the one
 * active at the job's own run time ({@code now}), a window without spend included as a zero row. The watermark covers
 * every rolled segment, whatever instant the rows are for, so a snapshot naming only the window active at {@code asOf}
 * would cover spend of a later window without saying how much; a collector past that window's start (or restarting
 * after it) would have to guess. With a row for each window up to now, "no row" never needs a guess. A budget inactive
 * at both {@code asOf} and {@code now} (outside its custom range) gets no row.
 */
final class BudgetSpendCalculator {

    private BudgetSpendCalculator() {}

    /**
     * @param exact the covered spend of a window that is not on 15-minute boundaries, which the buckets cannot sum
     */
    static List<WindowSpend> rows(
            List<Budget> budgets,
            Instant asOf,
            Instant now,
            BucketSums buckets,
            BiFunction<String, BudgetWindow, BigDecimal> exact) {
        List<WindowSpend> rows = new ArrayList<>();
        for (Budget budget : budgets) {
            for (BudgetWindow w : windows(budget, asOf, now)) {
                BigDecimal spent =
                        BucketSums.isAligned(w) ? buckets.sum(budget.tenantId(), w) : exact.apply(budget.tenantId(), w);
                rows.add(new WindowSpend(budget.id(), budget.tenantId(), w, spent));
            }
        }
        return rows;
    }

    /** The budget's windows from the one active at {@code asOf} through the one active at {@code now}, in order. */
    static List<BudgetWindow> windows(Budget budget, Instant asOf, Instant now) {
        if (asOf.isAfter(now)) {
            throw new IllegalArgumentException("asOf: " + asOf + " is later than now " + now);
        }
        Set<BudgetWindow> windows = new LinkedHashSet<>();
        Instant at = asOf;
        Optional<BudgetWindow> window = budget.window(at);
        while (window.isPresent() && !window.get().start().isAfter(now)) {
            windows.add(window.get());
            at = window.get().end();
            window = budget.window(at);
        }
        budget.window(now).ifPresent(windows::add);
        return List.copyOf(windows);
    }

    /** The span the lake must be read over: from the earliest window start to the latest end, empty without rows. */
    static Optional<BudgetWindow> span(List<Budget> budgets, Instant asOf, Instant now) {
        Instant from = null;
        Instant to = null;
        for (Budget budget : budgets) {
            for (BudgetWindow window : windows(budget, asOf, now)) {
                from = from == null || window.start().isBefore(from) ? window.start() : from;
                to = to == null || window.end().isAfter(to) ? window.end() : to;
            }
        }
        return from == null ? Optional.empty() : Optional.of(new BudgetWindow(from, to));
    }
}
