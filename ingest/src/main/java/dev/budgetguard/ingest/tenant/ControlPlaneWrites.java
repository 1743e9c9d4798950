package dev.budgetguard.ingest.tenant;

import dev.budgetguard.ingest.audit.AuditEvent;
import dev.budgetguard.ingest.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How every control-plane change is made: the change and its audit entries in one transaction, then this node's
 * directory and caps reloaded at once, so the very next request sees the change; other nodes see it on their poll.
 */
final class ControlPlaneWrites {

    private static final Logger log = LoggerFactory.getLogger(ControlPlaneWrites.class);

    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final TenantDirectoryRefresher refresher;
    private final Clock clock;

    ControlPlaneWrites(
            TransactionTemplate transaction, AuditLog audit, TenantDirectoryRefresher refresher, Clock clock) {
        this.transaction = transaction;
        this.audit = audit;
        this.refresher = refresher;
        this.clock = clock;
    }

    /**
     * Runs {@code change} at one instant and records what {@code audited} says it did, atomically; an exception from
     * either rolls both back and reaches the caller.
     */
    <T> T commit(Function<Instant, T> change, Function<T, List<AuditEvent>> audited) {
        Instant now = now();
        T result = transaction.execute(status -> {
            T changed = change.apply(now);
            audited.apply(changed).forEach(event -> audit.append(event, now));
            return changed;
        });
        try {
            refresher.reload();
        } catch (RuntimeException e) {
            // The change is committed; failing the admin call would misreport it. The next poll applies it.
            log.warn("event=tenant_directory_reload_failed error=\"{}\"", e.toString());
        }
        return result;
    }

    /** Reads in one transaction, so a tenant and its keys and budgets come from one consistent moment. */
    <T> T read(Supplier<T> query) {
        return transaction.execute(status -> query.get());
    }

    // Both databases keep microseconds; truncating here makes what we return equal what we later read back.
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
