package dev.budgetguard.ingest.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Lets an admin request through only with the right {@code X-Admin-Key}; the error handler renders refusals. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AdminKeyFilter implements WebFilter {

    static final String HEADER = "X-Admin-Key";
    private static final Logger log = LoggerFactory.getLogger(AdminKeyFilter.class);

    private final AdminApiKey adminKey;

    AdminKeyFilter(AdminProperties properties) {
        this.adminKey = properties.apiKey();
        if (!adminKey.configured()) {
            log.warn("event=admin_api_disabled reason=\"{}\"", adminKey.disabledReason());
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!AdminPaths.isAdmin(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!adminKey.configured()) {
            return Mono.error(AdminApiException.unavailable("admin_api_disabled", adminKey.disabledReason()));
        }
        String presented = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (presented == null || presented.isEmpty()) {
            AdminAudit.refused("missing_admin_key", exchange.getRequest());
            return Mono.error(AdminApiException.unauthorized("missing_admin_key", "Missing X-Admin-Key header."));
        }
        if (!adminKey.matches(presented)) {
            AdminAudit.refused("invalid_admin_key", exchange.getRequest());
            return Mono.error(AdminApiException.unauthorized("invalid_admin_key", "Invalid X-Admin-Key."));
        }
        return chain.filter(exchange);
    }
}
