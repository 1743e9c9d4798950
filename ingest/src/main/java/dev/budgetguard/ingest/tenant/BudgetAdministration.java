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

    /**
     * Stores the budget and reads it back in the same transaction: a row the database would not return exactly as
     * written is rolled back, so no directory load ever meets it.
     *
     * @throws TenantNotFoundException when the budget's tenant does not exist
     */
    public TenantBudget addBudget(Actor actor, Budget budget) {
        TenantId id = new TenantId(budget.tenantId());
        return writes.commit(
                now -> {
                    requireTenant(id);
                    budgets.addBudget(budget, now);
                    if (!readsBackAs(budget, budgets.budgetsOf(id))) {
                        throw new IllegalStateException("budget " + budget.id() + " did not read back as written");
                    }
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
        return stored.stream().map(entry -> status(entry, now)).toList();
    }

    /** One budget's window and figures at this instant, from this node's ledger; no database read. */
    public BudgetStatus status(TenantBudget budget) {
        return status(budget, clock.instant());
    }

    private BudgetStatus status(TenantBudget entry, Instant now) {
        Budget budget = entry.budget();
        return new BudgetStatus(
                entry,
                budget.window(now).orElse(null),
                ledger.usage(budget.tenantId(), budget.id(), now).orElse(null));
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

    // The limit's scale is the database's (trailing zeros stripped), so it is compared by value.
    private static boolean readsBackAs(Budget written, List<TenantBudget> stored) {
        return stored.stream()
                .map(TenantBudget::budget)
                .anyMatch(read -> read.id().equals(written.id())
                        && read.period().equals(written.period())
                        && read.limitUsd().compareTo(written.limitUsd()) == 0
                        && read.zone().equals(written.zone())
                        && read.thresholds().equals(written.thresholds()));
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
