package dev.budgetguard.ingest.admin;

import dev.budgetguard.ingest.admin.AdminRequests.CreateKey;
import dev.budgetguard.ingest.admin.AdminRequests.RotateKey;
import dev.budgetguard.ingest.admin.AdminResponses.IssuedKey;
import dev.budgetguard.ingest.admin.AdminResponses.KeyView;
import dev.budgetguard.ingest.audit.Actor;
import dev.budgetguard.ingest.tenant.ApiKeyAdministration;
import dev.budgetguard.ingest.tenant.TenantId;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A tenant's API keys: issue, rotate with a grace period, revoke. Effective on this node for the next request. */
@RestController
@RequestMapping(path = "/admin/tenant/{id}/apikeys", produces = MediaType.APPLICATION_JSON_VALUE)
class ApiKeyAdminController {

    private final ApiKeyAdministration keys;
    private final Duration defaultGrace;

    ApiKeyAdminController(ApiKeyAdministration keys, AdminProperties properties) {
        this.keys = keys;
        this.defaultGrace = properties.keyRotationGrace();
    }

    @PostMapping
    Mono<ResponseEntity<IssuedKey>> issueKey(
            @RequestHeader(name = AdminRequests.ACTOR_HEADER, required = false) String operator,
            @PathVariable String id,
            @RequestBody(required = false) CreateKey body) {
        Actor actor = AdminRequests.actor(operator);
        TenantId tenantId = AdminRequests.tenantIdFromPath(id);
        String name = (body == null ? new CreateKey(null) : body).keyName();
        return Blocking.call(() ->
                ResponseEntity.status(HttpStatus.CREATED).body(IssuedKey.of(keys.issueKey(actor, tenantId, name))));
    }

    /** Issues a successor; the old key authenticates until now + grace ({@code graceSeconds}, default from config). */
    @PostMapping("/{keyId}/rotate")
    Mono<ResponseEntity<IssuedKey>> rotateKey(
            @RequestHeader(name = AdminRequests.ACTOR_HEADER, required = false) String operator,
            @PathVariable String id,
            @PathVariable String keyId,
            @RequestBody(required = false) RotateKey body) {
        Actor actor = AdminRequests.actor(operator);
        TenantId tenantId = AdminRequests.tenantIdFromPath(id);
        String key = AdminRequests.keyIdFromPath(keyId);
        Duration grace = (body == null ? new RotateKey(null) : body).grace(defaultGrace);
        return Blocking.call(() -> ResponseEntity.status(HttpStatus.CREATED)
                .body(IssuedKey.of(keys.rotateKey(actor, tenantId, key, grace))));
    }

    @DeleteMapping("/{keyId}")
    Mono<KeyView> revokeKey(
            @RequestHeader(name = AdminRequests.ACTOR_HEADER, required = false) String operator,
            @PathVariable String id,
            @PathVariable String keyId) {
        Actor actor = AdminRequests.actor(operator);
        TenantId tenantId = AdminRequests.tenantIdFromPath(id);
        String key = AdminRequests.keyIdFromPath(keyId);
        return Blocking.call(() -> KeyView.of(keys.revokeKey(actor, tenantId, key)));
    }
}
