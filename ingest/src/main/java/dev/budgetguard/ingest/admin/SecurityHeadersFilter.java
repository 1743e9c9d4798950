package dev.budgetguard.ingest.admin;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Admin and docs responses are JSON or static pages that must never be framed, sniffed into something executable, or
 * cached (they can carry a freshly issued key). Set just before commit so error responses carry them too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (AdminPaths.isAdminOrDocs(exchange.getRequest())) {
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }
}
