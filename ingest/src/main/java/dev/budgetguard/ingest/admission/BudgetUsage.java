package dev.budgetguard.ingest.admission;

import dev.budgetguard.schemas.budget.BudgetWindow;
import java.math.BigDecimal;

/** A consistent reading of one budget in the window of a given instant. */
public record BudgetUsage(
        String budgetId, BudgetWindow window, BigDecimal limitUsd, BigDecimal spentUsd, BigDecimal reservedUsd) {

    /** What a new request may still reserve; never negative, even when actual costs ran past the estimates. */
    public BigDecimal remainingUsd() {
        BigDecimal remaining = limitUsd.subtract(spentUsd).subtract(reservedUsd);
        return remaining.signum() < 0 ? BigDecimal.ZERO : remaining;
    }
}
