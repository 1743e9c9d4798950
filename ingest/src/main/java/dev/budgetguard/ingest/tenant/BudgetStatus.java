package dev.budgetguard.ingest.tenant;

import dev.budgetguard.ingest.admission.BudgetUsage;
import dev.budgetguard.schemas.budget.BudgetWindow;
import java.util.Objects;

/**
 * A budget with its current window and what the ledger holds for it now.
 *
 * @param window null when the budget is not active now (a custom range that has not begun or has ended)
 * @param usage null when inactive, or when this node's ledger does not hold the budget yet
 */
public record BudgetStatus(TenantBudget budget, BudgetWindow window, BudgetUsage usage) {
    public BudgetStatus {
        Objects.requireNonNull(budget, "budget");
    }
}
