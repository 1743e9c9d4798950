package dev.budgetguard.ingest.admin;

import dev.budgetguard.ingest.prices.InvalidPriceChangeException;
import dev.budgetguard.ingest.prices.PriceHistoryRewriteException;
import dev.budgetguard.ingest.tenant.ApiKeyAlreadyRotatedException;
import dev.budgetguard.ingest.tenant.ApiKeyNotFoundException;
import dev.budgetguard.ingest.tenant.BudgetNotFoundException;
import dev.budgetguard.ingest.tenant.TenantAlreadyExistsException;
import dev.budgetguard.ingest.tenant.TenantNotFoundException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every failure on an admin path, from the key filter, the router, the JSON decoder or a handler, into OpenAI's
 * error shape. Unexpected failures are logged here with their stack trace and reach the client as a bare 500.
 * Ordered ahead of Boot's error handler (-1); other paths are left to it.
 */
@Component
@Order(-2)
class AdminErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(AdminErrorHandler.class);

    private final JsonMapper json;

    AdminErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (!AdminPaths.isAdmin(exchange.getRequest()) || response.isCommitted()) {
            return Mono.error(failure);
        }
        AdminApiException error = describe(failure);
        if (error.status().is5xxServerError() && !(failure instanceof AdminApiException)) {
            log.error(
                    "event=admin_request_failed method={} path={}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(),
                    failure);
        }
        response.setStatusCode(error.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body = json.writeValueAsBytes(ApiError.of(error));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static AdminApiException describe(Throwable failure) {
        if (failure instanceof AdminApiException known) {
            return known;
        }
        if (failure instanceof TenantNotFoundException e) {
            return AdminApiException.notFound("tenant_not_found", "Tenant '" + e.tenantId() + "' does not exist.");
        }
        if (failure instanceof ApiKeyNotFoundException) {
            return AdminApiException.notFound("api_key_not_found", "The tenant has no such active API key.");
        }
        if (failure instanceof BudgetNotFoundException) {
            return AdminApiException.notFound("budget_not_found", "The tenant has no such budget.");
        }
        if (failure instanceof ApiKeyAlreadyRotatedException) {
            return AdminApiException.conflict(
                    "keyId", "api_key_already_rotated", "The key was already rotated; rotate its successor instead.");
        }
        if (failure instanceof TenantAlreadyExistsException e) {
            return AdminApiException.conflict("name", "tenant_exists", "Tenant '" + e.tenantId() + "' already exists.");
        }
        if (failure instanceof PriceHistoryRewriteException e) {
            return AdminApiException.invalidRequest("effectiveFrom", "history_is_never_rewritten", e.getMessage());
        }
        if (failure instanceof InvalidPriceChangeException e) {
            return AdminApiException.invalidRequest(e.field(), "missing_field", e.getMessage());
        }
        if (failure instanceof ServerWebInputException e) {
            return RequestBodyErrors.describe(e);
        }
        if (failure instanceof ResponseStatusException e) {
            return fromStatus(HttpStatus.valueOf(e.getStatusCode().value()));
        }
        return AdminApiException.of(
                HttpStatus.INTERNAL_SERVER_ERROR, "server_error", "internal_error", "Internal server error.");
    }

    // The framework's reason can name internals (handler classes, resource paths); the status phrase cannot.
    private static AdminApiException fromStatus(HttpStatus status) {
        String type;
        if (status == HttpStatus.NOT_FOUND) {
            type = "not_found_error";
        } else if (status.is5xxServerError()) {
            type = "server_error";
        } else {
            type = "invalid_request_error";
        }
        String code = status.name().toLowerCase(Locale.ROOT);
        return AdminApiException.of(status, type, code, status.getReasonPhrase() + ".");
    }
}
