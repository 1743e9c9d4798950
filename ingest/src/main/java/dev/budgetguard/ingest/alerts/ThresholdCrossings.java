package dev.budgetguard.ingest.alerts;

import dev.budgetguard.ingest.admission.SpendListener;
import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetWindow;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Turns the ledger's spend growth into alert events: a threshold is crossed when the spend was below
 * {@code limit * percent / 100} before and is at or above it after. Runs on the settling thread: a few comparisons,
 * then a non-blocking hand-off.
 */
final class ThresholdCrossings implements SpendListener {

    private final Consumer<AlertEvent> sink;
    private final Clock clock;

    ThresholdCrossings(Consumer<AlertEvent> sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public void spentGrew(Budget budget, BudgetWindow window, BigDecimal beforeUsd, BigDecimal afterUsd) {
        for (int percent : budget.thresholds()) {
            BigDecimal mark =
                    budget.limitUsd().multiply(BigDecimal.valueOf(percent)).movePointLeft(2);
            if (beforeUsd.compareTo(mark) < 0 && afterUsd.compareTo(mark) >= 0) {
                sink.accept(new AlertEvent(
                        budget.id(), budget.tenantId(), window, percent, afterUsd, budget.limitUsd(), clock.instant()));
            }
        }
    }
}
