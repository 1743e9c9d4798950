package dev.budgetguard.ingest.admission;

import dev.budgetguard.schemas.budget.Budget;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides, from memory, whether a tenant may spend a request's worst-case cost, and keeps the running spend per budget
 * window: the durable baseline plus this node's settled spend since, plus what open reservations hold.
 */
public interface SpendLedger {

    /**
     * Admits only if, for every budget of the tenant active at {@code at}, spent + reserved + estimate <= limit, and then
     * holds the estimate on all of them in the same step. A tenant without budgets is not capped.
     */
    Admission tryAdmit(String tenantId, BigDecimal estimateUsd, Instant at);

    /** Whether the tenant has at least one budget active at {@code at}, i.e. whether its calls are capped then. */
    boolean capped(String tenantId, Instant at);

    /** Sets a tenant's budgets; tallies of budgets that keep their id, period and zone survive. */
    void replaceBudgets(String tenantId, List<Budget> budgets);

    /** Forgets a tenant; reservations still open on it end harmlessly. */
    void removeTenant(String tenantId);

    /** Loads durable spend for one budget window (from the snapshot at start or when it changes). */
    void applyBaseline(SpendBaseline baseline);

    /**
     * Applies a newer budget snapshot to every tracked budget in its window containing {@code at}: the snapshot's spend
     * becomes the baseline (a budget it has no row for keeps its baseline and takes the newly covered local spend into
     * it), and this node's newly covered spend leaves the local part, so nothing counts twice.
     */
    void applySnapshot(SnapshotSpend snapshot, Instant at);

    /**
     * Seeds every budget's window containing {@code at} from {@code seeder} now, and from then on every budget that
     * {@link #replaceBudgets} adds (in the window containing the clock's instant). Seeds set the figures outright.
     */
    void seedWith(WindowSeeder seeder, Instant at);

    /** Adds a listener told whenever a budget window's spent total grows. */
    void addSpendListener(SpendListener listener);

    /** The budget's figures in the window containing {@code at}, or empty when unknown or inactive then. */
    Optional<BudgetUsage> usage(String tenantId, String budgetId, Instant at);
}
