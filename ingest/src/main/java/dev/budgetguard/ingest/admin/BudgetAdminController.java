package dev.budgetguard.ingest.admin;

import dev.budgetguard.ingest.admin.BudgetRequests.BudgetBody;
import dev.budgetguard.ingest.admin.BudgetViews.BudgetList;
import dev.budgetguard.ingest.admin.BudgetViews.BudgetView;
import dev.budgetguard.ingest.audit.Actor;
import dev.budgetguard.ingest.tenant.BudgetAdministration;
import dev.budgetguard.ingest.tenant.BudgetStatus;
import dev.budgetguard.ingest.tenant.TenantId;
import dev.budgetguard.schemas.budget.Budget;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A tenant's budgets: add, list with the current window's spend, delete. In force on this node before the reply. */
@RestController
@RequestMapping(path = "/admin/tenant/{id}/budgets", produces = MediaType.APPLICATION_JSON_VALUE)
class BudgetAdminController {

    private final BudgetAdministration budgets;

    BudgetAdminController(BudgetAdministration budgets) {
        this.budgets = budgets;
    }

    @PostMapping
    Mono<ResponseEntity<BudgetView>> addBudget(
            @RequestHeader(name = AdminRequests.ACTOR_HEADER, required = false) String operator,
            @PathVariable String id,
            @RequestBody BudgetBody body) {
        Actor actor = AdminRequests.actor(operator);
        TenantId tenantId = AdminRequests.tenantIdFromPath(id);
        Budget budget = body.budget(tenantId, "");
        return Blocking.call(() -> {
            // Built from what was committed, not read again: a failure after the commit would misreport it.
            BudgetStatus added = budgets.status(budgets.addBudget(actor, budget));
            return ResponseEntity.created(URI.create("/admin/tenant/" + tenantId + "/budgets/" + budget.id()))
                    .body(BudgetView.of(added));
        });
    }

    @GetMapping
    Mono<BudgetList> budgets(@PathVariable String id) {
        TenantId tenantId = AdminRequests.tenantIdFromPath(id);
        return Blocking.call(() -> BudgetList.of(budgets.budgets(tenantId)));
    }

    @DeleteMapping("/{budgetId}")
    Mono<Deleted> deleteBudget(
            @RequestHeader(name = AdminRequests.ACTOR_HEADER, required = false) String operator,
            @PathVariable String id,
            @PathVariable String budgetId) {
        Actor actor = AdminRequests.actor(operator);
        TenantId tenantId = AdminRequests.tenantIdFromPath(id);
        String budget = AdminRequests.budgetIdFromPath(budgetId);
        return Blocking.call(() -> {
            budgets.deleteBudget(actor, tenantId, budget);
            return new Deleted(budget, "budget", true);
        });
    }

    record Deleted(String id, String object, boolean deleted) {}
}
