package dev.budgetguard.ingest.admission;

import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetWindow;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Where a budget window's durable spend comes from when the ledger first holds the window for a budget it did not
 * track before (at start, or a budget the directory adds later): the snapshot's spend as the base, and this node's
 * settled spend in segments past the snapshot's watermark as the local part. A seed sets both outright, so seeding
 * the same window twice never counts anything twice. Called while a book is rebuilt: a pure read.
 */
@FunctionalInterface
public interface WindowSeeder {

    Seed seed(Budget budget, BudgetWindow window);

    /** The two parts of a seeded window's spend. */
    record Seed(BigDecimal baseUsd, BigDecimal localUsd) {

        public static final Seed NONE = new Seed(BigDecimal.ZERO, BigDecimal.ZERO);

        public Seed {
            Objects.requireNonNull(baseUsd, "baseUsd");
            Objects.requireNonNull(localUsd, "localUsd");
            if (baseUsd.signum() < 0) {
                throw new IllegalArgumentException("baseUsd: must be >= 0, was " + baseUsd.toPlainString());
            }
            if (localUsd.signum() < 0) {
                throw new IllegalArgumentException("localUsd: must be >= 0, was " + localUsd.toPlainString());
            }
        }
    }
}
