package dev.budgetguard.jobs.budgets;

import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The snapshot's rows, plain Java: for each budget, its window active at {@code asOf} and the covered spend in it.
 * Only the active window is written: the collector rolls to the next window at its exact first instant without the
 * job, and alerts are raised from the collector's settle path, so an earlier window's total changes no decision.
 * A budget inactive at {@code asOf} (outside its custom range) gets no row.
 */
final class BudgetSpendCalculator {

    private BudgetSpendCalculator() {}

    /**
     * @param exact the covered spend of a window that is not on 15-minute boundaries, which the buckets cannot sum
     */
    static List<WindowSpend> rows(
            List<Budget> budgets,
            Instant asOf,
            BucketSums buckets,
            BiFunction<String, BudgetWindow, BigDecimal> exact) {
        List<WindowSpend> rows = new ArrayList<>();
        for (Budget budget : budgets) {
            Optional<BudgetWindow> window = budget.window(asOf);
            if (window.isEmpty()) {
                continue;
            }
            BudgetWindow w = window.get();
            BigDecimal spent =
                    BucketSums.isAligned(w) ? buckets.sum(budget.tenantId(), w) : exact.apply(budget.tenantId(), w);
            rows.add(new WindowSpend(budget.id(), budget.tenantId(), w, spent));
        }
        return rows;
    }

    /** The span the lake must be read over: from the earliest window start to the latest end, empty without rows. */
    static Optional<BudgetWindow> span(List<Budget> budgets, Instant asOf) {
        Instant from = null;
        Instant to = null;
        for (Budget budget : budgets) {
            Optional<BudgetWindow> window = budget.window(asOf);
            if (window.isPresent()) {
                from = from == null || window.get().start().isBefore(from)
                        ? window.get().start()
                        : from;
                to = to == null || window.get().end().isAfter(to) ? window.get().end() : to;
            }
        }
        return from == null ? Optional.empty() : Optional.of(new BudgetWindow(from, to));
    }
}
