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

    /** Admin and docs pages get the strict security headers. */
    static boolean isAdminOrDocs(ServerHttpRequest request) {
        PathContainer path = path(request);
        return ADMIN.matches(path) || DOCS.matches(path);
    }

    private static PathContainer path(ServerHttpRequest request) {
        return request.getPath().pathWithinApplication();
    }
}
