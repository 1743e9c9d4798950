package dev.budgetguard.ingest.prices;

import dev.budgetguard.ingest.audit.Actor;
import dev.budgetguard.ingest.audit.AuditEvent;
import dev.budgetguard.ingest.audit.AuditLog;
import dev.budgetguard.schemas.pricing.ModelPrice;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What administrators may do to prices: read the versions in force or the whole history, and add a version. Every
 * change is written to the database first, with its audit entry in the same transaction, and then applied to this node's snapshot at once; other nodes pick it up
 * on their next poll. Calls block on JDBC.
 */
public final class PriceAdministration {

    private static final Logger log = LoggerFactory.getLogger(PriceAdministration.class);

    private final PriceStore store;
    private final PriceBookRefresher refresher;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final Clock clock;

    PriceAdministration(
            PriceStore store,
            PriceBookRefresher refresher,
            TransactionTemplate transaction,
            AuditLog audit,
            Clock clock) {
        this.store = store;
        this.refresher = refresher;
        this.transaction = transaction;
        this.audit = audit;
        this.clock = clock;
    }

    /** The version of each model in force at {@code at}, by model id. */
    public List<ModelPrice> inForceAt(Instant at) {
        return store.all().stream().filter(price -> price.inForceAt(at)).toList();
    }

    /** Every version ever stored, oldest first per model. */
    public List<ModelPrice> history() {
        return store.all();
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * @throws PriceHistoryRewriteException when the change starts on or before the model's latest version
     * @throws InvalidPriceChangeException when a first version lacks its provider or output ceiling
     */
    public ModelPrice change(Actor actor, PriceChange change) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ModelPrice added = transaction.execute(status -> {
            ModelPrice appended = store.append(change, now);
            audit.append(
                    new AuditEvent(
                            actor,
                            "set_price",
                            "price",
                            appended.model(),
                            "version=" + appended.version() + " effectiveFrom=" + appended.effectiveFrom()),
                    now);
            return appended;
        });
        try {
            refresher.reload();
        } catch (RuntimeException e) {
            // The change is committed; failing the admin call would misreport it. The next poll applies it.
            log.warn("event=price_book_reload_failed error=\"{}\"", e.toString());
        }
        return added;
    }
}
