package dev.budgetguard.ingest.admin;

import dev.budgetguard.ingest.tenant.TenantId;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** One key=value line per admin action or refused admin request. Never a key: only ids, which are not secrets. */
final class AdminAudit {

    private static final Logger log = LoggerFactory.getLogger("budgetguard.audit");

    private AdminAudit() {}

    static void action(String action, TenantId target) {
        log.info("actor=admin action={} target={}", action, target);
    }

    static void keyAction(String action, TenantId target, String keyId) {
        log.info("actor=admin action={} target={} key_id={}", action, target, keyId);
    }

    static void priceAction(String action, String priceVersion) {
        log.info("actor=admin action={} price_version={}", action, priceVersion);
    }

    static void refused(String reason, ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        log.warn(
                "actor=unknown action=admin_access_refused reason={} method={} remote={}",
                reason,
                request.getMethod(),
                remote == null ? "-" : remote.getHostString());
    }
}
