package dev.budgetguard.jobs.budgets;

import dev.budgetguard.schemas.budget.BudgetWindow;
import java.math.BigDecimal;
import java.util.Objects;

/** One row of a budget snapshot: a budget's spend in one of its windows. */
record WindowSpend(String budgetId, String tenantId, BudgetWindow window, BigDecimal spentUsd) {

    WindowSpend {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(spentUsd, "spentUsd");
        if (spentUsd.signum() < 0) {
            throw new IllegalArgumentException("spentUsd: must be >= 0, was " + spentUsd.toPlainString());
        }
    }
}
