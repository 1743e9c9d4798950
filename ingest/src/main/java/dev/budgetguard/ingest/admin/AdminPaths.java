package dev.budgetguard.ingest.admin;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which requests belong to the admin API. Matched with the same PathPattern semantics as the router, so an encoded
 * path such as {@code /%61dmin/tenant} that routes to an admin handler is also guarded like one.
 */
final class AdminPaths {

    private static final PathPattern ADMIN = PathPatternParser.defaultInstance.parse("/admin/**");
    private static final PathPattern DOCS = PathPatternParser.defaultInstance.parse("/docs/**");

    private AdminPaths() {}

    static boolean isAdmin(ServerHttpRequest request) {
        return ADMIN.matches(path(request));
    }

    /** The docs page, its assets and the OpenAPI document: public, but with security headers of their own. */
    static boolean isDocs(ServerHttpRequest request) {
        return DOCS.matches(path(request));
    }

    private static PathContainer path(ServerHttpRequest request) {
        return request.getPath().pathWithinApplication();
    }
}
