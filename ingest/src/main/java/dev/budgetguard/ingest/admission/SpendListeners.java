package dev.budgetguard.ingest.admission;

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
        before.growth(after, (budget, window, was, now) -> {
            for (SpendListener listener : listeners) {
                listener.spentGrew(budget, window, was, now);
            }
        });
    }
}
