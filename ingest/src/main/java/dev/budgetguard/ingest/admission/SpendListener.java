package dev.budgetguard.ingest.admission;

import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetWindow;
import java.math.BigDecimal;

/**
 * Told when a budget window's spent total (baseline plus settled, reservations not included) grew: by a settle on
 * this node or by a newer snapshot. Called on the thread that made the change, after it is published, so it must be
 * cheap and must not block (hand work to another thread).
 */
@FunctionalInterface
public interface SpendListener {

    void spentGrew(Budget budget, BudgetWindow window, BigDecimal beforeUsd, BigDecimal afterUsd);
}
