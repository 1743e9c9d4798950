package dev.budgetguard.ingest.admin;

import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * One key=value line per refused admin request. Admin changes themselves go to the {@code audit_log} table (and a
 * line) in the transaction of the change; refusals change nothing, so a log line is their whole record.
 */
final class AdminAudit {

    private static final Logger log = LoggerFactory.getLogger("budgetguard.audit");

    private AdminAudit() {}

    static void refused(String reason, ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        log.warn(
                "actor=unknown action=admin_access_refused reason={} method={} remote={}",
                reason,
                request.getMethod(),
                remote == null ? "-" : remote.getHostString());
    }
}
