package dev.budgetguard.ingest.admission;

import dev.budgetguard.schemas.budget.Budget;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ledger's spend listeners; comparing two books costs nothing while none is registered. */
final class SpendListeners {

    private static final Logger log = LoggerFactory.getLogger(SpendListeners.class);

    private final List<SpendListener> listeners = new CopyOnWriteArrayList<>();

    void add(SpendListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void tell(Budget budget, WindowTally now, BigDecimal from) {
        for (SpendListener listener : listeners) {
            try {
                listener.spentGrew(budget, now.window(), from, now.spentUsd());
            } catch (RuntimeException e) {
                // The spend is booked either way; a listener's failure must not fail the request that settled it.
                log.warn("spend_listener_failed budget_id={} error=\"{}\"", budget.id(), e.toString());
            }
        }
    }

    /** Tells the listeners of every window whose spent total is higher in {@code after} than in {@code before}. */
    void compare(TenantBook before, TenantBook after) {
        if (listeners.isEmpty() || before == after) {
            return;
        }
        if (!before.sameBudgetsAs(after)) {
            return;
        }
        for (int i = 0; i < after.size(); i++) {
            WindowTally was = before.tally(i);
            WindowTally now = after.tally(i);
            if (now == null || now == was) {
                continue;
            }
            BigDecimal from = was != null && was.window().equals(now.window()) ? was.spentUsd() : BigDecimal.ZERO;
            if (now.spentUsd().compareTo(from) > 0) {
                tell(after.budget(i), now, from);
            }
        }
    }
}
