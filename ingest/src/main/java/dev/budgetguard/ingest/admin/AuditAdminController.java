package dev.budgetguard.ingest.admin;

import dev.budgetguard.ingest.audit.AuditEntry;
import dev.budgetguard.ingest.audit.AuditLog;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Reads the audit log: {@code ?from=INSTANT&to=INSTANT&limit=N}, newest first, half-open {@code [from, to)}. */
@RestController
@RequestMapping(path = "/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditAdminController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final AuditLog audit;

    AuditAdminController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    Mono<AuditList> entries(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String limit) {
        Instant since = from == null ? null : PriceRequests.instant("from", from);
        Instant until = to == null ? null : PriceRequests.instant("to", to);
        if (since != null && until != null && !until.isAfter(since)) {
            throw AdminApiException.invalidRequest("to", "invalid_value", "Invalid 'to': must be after 'from'.");
        }
        int max = limit(limit);
        return Blocking.call(() -> new AuditList(
                "list",
                audit.read(since, until, max).stream().map(AuditView::of).toList()));
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1 && parsed <= MAX_LIMIT) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw AdminApiException.invalidRequest(
                "limit", "invalid_value", "Invalid 'limit': must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    record AuditList(String object, List<AuditView> data) {}

    record AuditView(
            String id,
            Instant occurredAt,
            String actor,
            String action,
            String targetType,
            String targetId,
            String detail) {
        static AuditView of(AuditEntry entry) {
            var event = entry.event();
            return new AuditView(
                    entry.id(),
                    entry.occurredAt(),
                    event.actor().name(),
                    event.action(),
                    event.targetType(),
                    event.targetId(),
                    event.detail());
        }
    }
}
