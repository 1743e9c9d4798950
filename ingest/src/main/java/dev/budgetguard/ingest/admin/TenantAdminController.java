package dev.budgetguard.ingest.admin;

import dev.budgetguard.ingest.admin.AdminRequests.CreateTenant;
import dev.budgetguard.ingest.admin.AdminRequests.RateLimitBody;
import dev.budgetguard.ingest.admin.AdminResponses.DeletedTenant;
import dev.budgetguard.ingest.admin.AdminResponses.TenantView;
import dev.budgetguard.ingest.audit.Actor;
import dev.budgetguard.ingest.ratelimit.RateLimit;
import dev.budgetguard.ingest.tenant.Tenant;
import dev.budgetguard.ingest.tenant.TenantAdministration;
import dev.budgetguard.ingest.tenant.TenantId;
import dev.budgetguard.schemas.budget.Budget;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Tenants and their rate limits, shaped like the original BudgetGuard's admin API. */
@RestController
@RequestMapping(path = "/admin/tenant", produces = MediaType.APPLICATION_JSON_VALUE)
class TenantAdminController {

    private final TenantAdministration tenants;

    TenantAdminController(TenantAdministration tenants) {
        this.tenants = tenants;
    }

    @PostMapping
    Mono<ResponseEntity<TenantView>> createTenant(
            @RequestHeader(name = AdminRequests.ACTOR_HEADER, required = false) String operator,
            @RequestBody CreateTenant body) {
        Actor actor = AdminRequests.actor(operator);
        TenantId id = body.tenantId();
        RateLimit rateLimit = body.rateLimit();
        List<Budget> budgets = body.initialBudgets(id);
        return Blocking.call(() -> {
            Tenant tenant = tenants.createTenant(actor, id, rateLimit, budgets);
            return ResponseEntity.created(URI.create("/admin/tenant/" + id.value()))
                    .body(TenantView.of(tenant));
        });
    }

    @GetMapping("/{id}")
    Mono<TenantView> tenant(@PathVariable String id) {
        TenantId tenantId = AdminRequests.tenantIdFromPath(id);
        return Blocking.call(() -> TenantView.of(tenants.tenant(tenantId)));
    }

    /** Every key of the tenant stops authenticating on this node with the very next request; its budgets end. */
    @DeleteMapping("/{id}")
    Mono<DeletedTenant> deleteTenant(
            @RequestHeader(name = AdminRequests.ACTOR_HEADER, required = false) String operator,
            @PathVariable String id) {
        Actor actor = AdminRequests.actor(operator);
        TenantId tenantId = AdminRequests.tenantIdFromPath(id);
        return Blocking.call(() -> DeletedTenant.of(tenantId.value(), tenants.deleteTenant(actor, tenantId)));
    }

    @GetMapping("/{id}/ratelimit")
    Mono<RateLimitBody> rateLimit(@PathVariable String id) {
        TenantId tenantId = AdminRequests.tenantIdFromPath(id);
        return Blocking.call(() -> RateLimitBody.of(tenants.rateLimit(tenantId)));
    }

    @PutMapping("/{id}/ratelimit")
    Mono<RateLimitBody> changeRateLimit(
            @RequestHeader(name = AdminRequests.ACTOR_HEADER, required = false) String operator,
            @PathVariable String id,
            @RequestBody RateLimitBody body) {
        Actor actor = AdminRequests.actor(operator);
        TenantId tenantId = AdminRequests.tenantIdFromPath(id);
        int requests = body.requestsPerMinute();
        return Blocking.call(
                () -> RateLimitBody.of(tenants.changeRateLimit(actor, tenantId, requests, body.tokensPerMin())));
    }
}
