package dev.budgetguard.ingest.admission;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** The ledger's spend listeners; comparing two books costs nothing while none is registered. */
final class SpendListeners {

    private final List<SpendListener> listeners = new CopyOnWriteArrayList<>();

    void add(SpendListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
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
                for (SpendListener listener : listeners) {
                    listener.spentGrew(after.budget(i), now.window(), from, now.spentUsd());
                }
            }
        }
    }
}
