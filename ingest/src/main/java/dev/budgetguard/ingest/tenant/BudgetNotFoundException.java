package dev.budgetguard.ingest.tenant;

/** The tenant has no live budget with this id. */
public final class BudgetNotFoundException extends RuntimeException {

    BudgetNotFoundException(TenantId tenantId, String budgetId) {
        super("tenant " + tenantId + " has no budget " + budgetId);
    }
}
