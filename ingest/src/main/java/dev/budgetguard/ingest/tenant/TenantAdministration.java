package dev.budgetguard.ingest.tenant;

import dev.budgetguard.ingest.audit.Actor;
import dev.budgetguard.ingest.audit.AuditEvent;
import dev.budgetguard.ingest.ratelimit.RateLimit;
import dev.budgetguard.schemas.budget.Budget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What administrators may do to tenants: create one (with budgets, atomically), read it, set its limits, delete it
 * (every key dies, every budget ends). Each change is audited in its own transaction and applied to this node at
 * once. Calls block on JDBC.
 */
public final class TenantAdministration {

    private final TenantStore tenants;
    private final ApiKeyStore keys;
    private final BudgetStore budgets;
    private final ControlPlaneWrites writes;

    TenantAdministration(TenantStore tenants, ApiKeyStore keys, BudgetStore budgets, ControlPlaneWrites writes) {
        this.tenants = tenants;
        this.keys = keys;
        this.budgets = budgets;
        this.writes = writes;
    }

    /**
     * @param initialBudgets budgets of this tenant, stored in the same transaction as the tenant
     * @throws TenantAlreadyExistsException when the id is taken
     */
    public Tenant createTenant(Actor actor, TenantId id, RateLimit rateLimit, List<Budget> initialBudgets) {
        writes.commit(
                now -> {
                    tenants.createTenant(id, rateLimit, now);
                    initialBudgets.forEach(budget -> budgets.addBudget(requireOwnedBy(id, budget), now));
                    return id;
                },
                created -> {
                    List<AuditEvent> events = new ArrayList<>();
                    events.add(new AuditEvent(actor, "create_tenant", "tenant", id.value(), limits(rateLimit)));
                    initialBudgets.forEach(budget -> events.add(BudgetAdministration.created(actor, budget)));
                    return events;
                });
        return tenant(id);
    }

    /** @throws TenantNotFoundException when there is no such tenant */
    public Tenant tenant(TenantId id) {
        return writes.read(() -> {
            TenantRow row = tenants.findTenant(id).orElseThrow(() -> new TenantNotFoundException(id));
            return new Tenant(id, row.rateLimit(), row.createdAt(), keys.keysOf(id), budgets.budgetsOf(id));
        });
    }

    /**
     * Deletes the tenant: its keys are revoked and its budgets end, on this node for the very next request.
     *
     * @return when it was deleted
     * @throws TenantNotFoundException when there is no such tenant
     */
    public Instant deleteTenant(Actor actor, TenantId id) {
        return writes.commit(
                now -> {
                    if (!tenants.deleteTenant(id, now)) {
                        throw new TenantNotFoundException(id);
                    }
                    keys.revokeAll(id, now);
                    budgets.deleteAll(id, now);
                    return now;
                },
                deletedAt -> List.of(new AuditEvent(actor, "delete_tenant", "tenant", id.value(), null)));
    }

    /** @throws TenantNotFoundException when there is no such tenant */
    public RateLimit rateLimit(TenantId id) {
        return tenants.findTenant(id)
                .orElseThrow(() -> new TenantNotFoundException(id))
                .rateLimit();
    }

    /**
     * @param tokensPerMinute null keeps the current tokens-per-minute limit (clients of the original API send only
     *     requests per minute)
     * @throws TenantNotFoundException when there is no such tenant
     */
    public RateLimit changeRateLimit(Actor actor, TenantId id, int requestsPerMinute, Long tokensPerMinute) {
        return writes.commit(
                now -> {
                    if (!tenants.updateRateLimit(id, requestsPerMinute, tokensPerMinute)) {
                        throw new TenantNotFoundException(id);
                    }
                    return rateLimit(id);
                },
                changed -> List.of(new AuditEvent(actor, "set_rate_limit", "tenant", id.value(), limits(changed))));
    }

    private static Budget requireOwnedBy(TenantId id, Budget budget) {
        if (!budget.tenantId().equals(id.value())) {
            throw new IllegalArgumentException("budget " + budget.id() + " belongs to " + budget.tenantId());
        }
        return budget;
    }

    private static String limits(RateLimit limit) {
        return "rateLimitPerMin=" + limit.requestsPerMinute() + " tokensPerMin=" + limit.tokensPerMinute();
    }
}
