package dev.budgetguard.ingest.admission;

import dev.budgetguard.schemas.budget.BudgetPeriod;
import dev.budgetguard.schemas.budget.BudgetWindow;
import java.math.BigDecimal;
import java.util.Objects;

/** The outcome of asking to spend: either a held reservation, or the budget that would be exceeded. */
public sealed interface Admission {

    boolean admitted();

    /** The request may go ahead; its worst-case cost is held until {@link Reservation#settle} or release. */
    record Admitted(Reservation reservation) implements Admission {
        public Admitted {
            Objects.requireNonNull(reservation, "reservation");
        }

        @Override
        public boolean admitted() {
            return true;
        }
    }

    /**
     * Nothing was reserved; {@code remainingUsd} is what the named budget still allows in {@code window} of its
     * {@code period}.
     */
    record Refused(
            String budgetId, BudgetPeriod period, BigDecimal limitUsd, BigDecimal remainingUsd, BudgetWindow window)
            implements Admission {
        public Refused {
            Objects.requireNonNull(budgetId, "budgetId");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(limitUsd, "limitUsd");
            Objects.requireNonNull(remainingUsd, "remainingUsd");
            Objects.requireNonNull(window, "window");
        }

        @Override
        public boolean admitted() {
            return false;
        }
    }
}
