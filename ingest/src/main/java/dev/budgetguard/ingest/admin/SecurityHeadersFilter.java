package dev.budgetguard.ingest.admin;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Admin and docs responses must never be framed, sniffed into something executable, or cached (an admin answer can
 * carry a freshly issued key). Admin JSON gets a CSP that allows nothing; the docs page gets what Swagger UI needs
 * from its own origin (its scripts, styles with inline attributes, data: images, the spec fetch) and nothing else.
 * HSTS is sent only over TLS, where the browser can honour it. Set just before commit so error responses carry them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter implements WebFilter {

    static final String ADMIN_CSP = "default-src 'none'; frame-ancestors 'none'";
    static final String DOCS_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        boolean admin = AdminPaths.isAdmin(request);
        if (admin || AdminPaths.isDocs(request)) {
            boolean tls = request.getSslInfo() != null;
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Content-Security-Policy", admin ? ADMIN_CSP : DOCS_CSP);
                headers.set("Referrer-Policy", "no-referrer");
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
                if (tls) {
                    headers.set("Strict-Transport-Security", HSTS);
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }
}
