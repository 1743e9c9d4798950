package dev.budgetguard.ingest.admission;

import dev.budgetguard.schemas.budget.BudgetWindow;
import java.math.BigDecimal;

/**
 * One budget's money in one window: the baseline (lake snapshot up to its watermark), what this node settled since,
 * and what open reservations hold. Immutable so a whole tenant's tallies can be swapped in one compare-and-set.
 */
record WindowTally(BudgetWindow window, BigDecimal baseUsd, BigDecimal localUsd, BigDecimal reservedUsd) {

    static WindowTally empty(BudgetWindow window) {
        return new WindowTally(window, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    BigDecimal spentUsd() {
        return baseUsd.add(localUsd);
    }

    /** Whether {@code estimate} more still fits: spent + reserved + estimate <= limit, exactly. */
    boolean fits(BigDecimal estimate, BigDecimal limit) {
        return spentUsd().add(reservedUsd).add(estimate).compareTo(limit) <= 0;
    }

    BigDecimal remainingUsd(BigDecimal limit) {
        BigDecimal remaining = limit.subtract(spentUsd()).subtract(reservedUsd);
        return remaining.signum() < 0 ? BigDecimal.ZERO : remaining;
    }

    WindowTally reserve(BigDecimal amount) {
        return new WindowTally(window, baseUsd, localUsd, reservedUsd.add(amount));
    }

    /** Drops a hold and books what it really cost; {@code actual} is zero for a release. */
    WindowTally settle(BigDecimal held, BigDecimal actual) {
        return new WindowTally(window, baseUsd, localUsd.add(actual), reservedUsd.subtract(held));
    }

    /** A new baseline; the part of local spend the new watermark now covers leaves local so it counts once. */
    WindowTally rebase(BigDecimal base, BigDecimal coveredLocal) {
        return new WindowTally(window, base, localUsd.subtract(coveredLocal), reservedUsd);
    }
}
