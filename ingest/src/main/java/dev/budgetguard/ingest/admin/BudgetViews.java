package dev.budgetguard.ingest.admin;

import dev.budgetguard.ingest.admission.BudgetUsage;
import dev.budgetguard.ingest.tenant.BudgetStatus;
import dev.budgetguard.ingest.tenant.TenantBudget;
import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetPeriod;
import dev.budgetguard.schemas.budget.BudgetWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Response bodies of the budget routes. Money is a plain decimal string, so no client reads it as a double. */
final class BudgetViews {

    private BudgetViews() {}

    record BudgetList(String object, List<BudgetView> data) {
        static BudgetList of(List<BudgetStatus> budgets) {
            return new BudgetList("list", budgets.stream().map(BudgetView::of).toList());
        }
    }

    /**
     * A budget; {@code window} and the figures describe the current window, read from this node's ledger (spent is
     * the snapshot's baseline plus this node's spend since), and are null when the budget is not active now.
     */
    record BudgetView(
            String id,
            String period,
            LocalDate startDate,
            LocalDate endDate,
            String limitUsd,
            String timezone,
            List<Integer> thresholds,
            Instant createdAt,
            WindowView window,
            String spentUsd,
            String reservedUsd,
            String remainingUsd) {

        static BudgetView of(TenantBudget stored) {
            return of(new BudgetStatus(stored, null, null));
        }

        static BudgetView of(BudgetStatus status) {
            Budget budget = status.budget().budget();
            BudgetPeriod.Custom custom = budget.period() instanceof BudgetPeriod.Custom range ? range : null;
            BudgetUsage usage = status.usage();
            BudgetWindow window = status.window();
            return new BudgetView(
                    budget.id(),
                    budget.period().name(),
                    custom == null ? null : custom.start(),
                    custom == null ? null : custom.end(),
                    plain(budget.limitUsd()),
                    budget.zone().getId(),
                    budget.thresholds(),
                    status.budget().createdAt(),
                    window == null ? null : new WindowView(window.start(), window.end()),
                    usage == null ? null : plain(usage.spentUsd()),
                    usage == null ? null : plain(usage.reservedUsd()),
                    usage == null ? null : plain(usage.remainingUsd()));
        }
    }

    /** The half-open UTC range {@code [start, end)} of the budget's current local-calendar period. */
    record WindowView(Instant start, Instant end) {}

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
