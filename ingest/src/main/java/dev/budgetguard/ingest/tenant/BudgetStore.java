package dev.budgetguard.ingest.tenant;

import dev.budgetguard.schemas.budget.Budget;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Durable budgets; a deleted budget keeps its row, marked. Calls join the caller's transaction. */
interface BudgetStore {

    void addBudget(Budget budget, Instant createdAt);

    /** The tenant's live budgets, oldest first. */
    List<TenantBudget> budgetsOf(TenantId id);

    /** @return false when the tenant has no such live budget */
    boolean deleteBudget(TenantId id, String budgetId, Instant deletedAt);

    void deleteAll(TenantId id, Instant deletedAt);

    /** Every live budget of every live tenant, by tenant id. */
    Map<String, List<Budget>> liveBudgets();
}
