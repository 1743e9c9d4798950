package dev.budgetguard.ingest.admin;

import dev.budgetguard.ingest.admin.AdminRequests.CreateKey;
import dev.budgetguard.ingest.admin.AdminRequests.CreateTenant;
import dev.budgetguard.ingest.admin.AdminRequests.RateLimitBody;
import dev.budgetguard.ingest.admin.AdminResponses.IssuedKey;
import dev.budgetguard.ingest.admin.AdminResponses.KeyView;
import dev.budgetguard.ingest.admin.AdminResponses.TenantView;
import dev.budgetguard.ingest.tenant.ApiKey;
import dev.budgetguard.ingest.tenant.IssuedApiKey;
import dev.budgetguard.ingest.tenant.RateLimit;
import dev.budgetguard.ingest.tenant.Tenant;
import dev.budgetguard.ingest.tenant.TenantAdministration;
import dev.budgetguard.ingest.tenant.TenantId;
import java.net.URI;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Tenants, keys and rate limits, shaped like the original BudgetGuard's admin API. */
@RestController
@RequestMapping(path = "/admin/tenant", produces = MediaType.APPLICATION_JSON_VALUE)
class TenantAdminController {

    private final TenantAdministration tenants;

    TenantAdminController(TenantAdministration tenants) {
        this.tenants = tenants;
    }

    @PostMapping
    Mono<ResponseEntity<TenantView>> createTenant(@RequestBody CreateTenant body) {
        TenantId id = body.tenantId();
        RateLimit rateLimit = body.rateLimit();
        body.requireNoBudgets();
        return blocking(() -> {
            Tenant tenant = tenants.createTenant(id, rateLimit);
            AdminAudit.action("create_tenant", id);
            return ResponseEntity.created(URI.create("/admin/tenant/" + id.value()))
                    .body(TenantView.of(tenant));
        });
    }

    @GetMapping("/{id}")
    Mono<TenantView> tenant(@PathVariable String id) {
        TenantId tenantId = AdminRequests.tenantIdFromPath(id);
        return blocking(() -> TenantView.of(tenants.tenant(tenantId)));
    }

    @PostMapping("/{id}/apikeys")
    Mono<ResponseEntity<IssuedKey>> issueKey(@PathVariable String id, @RequestBody(required = false) CreateKey body) {
        TenantId tenantId = AdminRequests.tenantIdFromPath(id);
        String name = (body == null ? new CreateKey(null) : body).keyName();
        return blocking(() -> {
            IssuedApiKey issued = tenants.issueKey(tenantId, name);
            AdminAudit.keyAction("create_api_key", tenantId, issued.apiKey().id());
            return ResponseEntity.status(HttpStatus.CREATED).body(IssuedKey.of(issued));
        });
    }

    @DeleteMapping("/{id}/apikeys/{keyId}")
    Mono<KeyView> revokeKey(@PathVariable String id, @PathVariable String keyId) {
        TenantId tenantId = AdminRequests.tenantIdFromPath(id);
        String key = AdminRequests.keyIdFromPath(keyId);
        return blocking(() -> {
            ApiKey revoked = tenants.revokeKey(tenantId, key);
            AdminAudit.keyAction("revoke_api_key", tenantId, key);
            return KeyView.of(revoked);
        });
    }

    @GetMapping("/{id}/ratelimit")
    Mono<RateLimitBody> rateLimit(@PathVariable String id) {
        TenantId tenantId = AdminRequests.tenantIdFromPath(id);
        return blocking(() -> RateLimitBody.of(tenants.rateLimit(tenantId)));
    }

    @PutMapping("/{id}/ratelimit")
    Mono<RateLimitBody> changeRateLimit(@PathVariable String id, @RequestBody RateLimitBody body) {
        TenantId tenantId = AdminRequests.tenantIdFromPath(id);
        RateLimit rateLimit = body.rateLimit();
        return blocking(() -> {
            RateLimitBody changed = RateLimitBody.of(tenants.changeRateLimit(tenantId, rateLimit));
            AdminAudit.action("set_rate_limit", tenantId);
            return changed;
        });
    }

    // JDBC blocks; keep it off the event loop that the proxy shares.
    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
