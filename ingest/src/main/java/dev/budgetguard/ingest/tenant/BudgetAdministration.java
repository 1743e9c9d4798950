package dev.budgetguard.ingest.tenant;

import dev.budgetguard.ingest.admission.SpendLedger;
import dev.budgetguard.ingest.audit.Actor;
import dev.budgetguard.ingest.audit.AuditEvent;
import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetPeriod;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What administrators may do to a tenant's budgets: add, list with their current spend, delete. Each change is audited
 * in its own transaction and reaches this node's ledger before the call returns. Calls block on JDBC.
 */
public final class BudgetAdministration {

    private final TenantStore tenants;
    private final BudgetStore budgets;
    private final SpendLedger ledger;
    private final ControlPlaneWrites writes;
    private final Clock clock;

    BudgetAdministration(
            TenantStore tenants, BudgetStore budgets, SpendLedger ledger, ControlPlaneWrites writes, Clock clock) {
        this.tenants = tenants;
        this.budgets = budgets;
        this.ledger = ledger;
        this.writes = writes;
        this.clock = clock;
    }

    /** @throws TenantNotFoundException when the budget's tenant does not exist */
    public TenantBudget addBudget(Actor actor, Budget budget) {
        TenantId id = new TenantId(budget.tenantId());
        return writes.commit(
                now -> {
                    requireTenant(id);
                    budgets.addBudget(budget, now);
                    return new TenantBudget(budget, now);
                },
                added -> List.of(created(actor, budget)));
    }

    /** The tenant's budgets with their window and figures at this instant. */
    public List<BudgetStatus> budgets(TenantId id) {
        List<TenantBudget> stored = writes.read(() -> {
            requireTenant(id);
            return budgets.budgetsOf(id);
        });
        Instant now = clock.instant();
        return stored.stream()
                .map(entry -> new BudgetStatus(
                        entry,
                        entry.budget().window(now).orElse(null),
                        ledger.usage(id.value(), entry.budget().id(), now).orElse(null)))
                .toList();
    }

    /** @throws BudgetNotFoundException when the tenant has no such live budget */
    public void deleteBudget(Actor actor, TenantId id, String budgetId) {
        writes.commit(
                now -> {
                    if (!budgets.deleteBudget(id, budgetId, now)) {
                        requireTenant(id);
                        throw new BudgetNotFoundException(id, budgetId);
                    }
                    return budgetId;
                },
                deleted -> List.of(new AuditEvent(actor, "delete_budget", "budget", budgetId, "tenant=" + id)));
    }

    static AuditEvent created(Actor actor, Budget budget) {
        StringBuilder detail = new StringBuilder("tenant=")
                .append(budget.tenantId())
                .append(" period=")
                .append(budget.period().name());
        if (budget.period() instanceof BudgetPeriod.Custom range) {
            detail.append(" startDate=")
                    .append(range.start())
                    .append(" endDate=")
                    .append(range.end());
        }
        detail.append(" limitUsd=")
                .append(budget.limitUsd().toPlainString())
                .append(" timezone=")
                .append(budget.zone().getId());
        return new AuditEvent(actor, "create_budget", "budget", budget.id(), detail.toString());
    }

    private void requireTenant(TenantId id) {
        if (tenants.findTenant(id).isEmpty()) {
            throw new TenantNotFoundException(id);
        }
    }
}
