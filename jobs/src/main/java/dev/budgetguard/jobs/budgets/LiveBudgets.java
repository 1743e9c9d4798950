package dev.budgetguard.jobs.budgets;

import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetPeriod;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code budget} table's live rows (not deleted) as budgets; a row that does not validate is skipped and logged. */
final class LiveBudgets {

    private static final Logger log = LoggerFactory.getLogger(LiveBudgets.class);

    private final JdbcClient jdbc;

    LiveBudgets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Budget> all() {
        List<Budget> budgets = new ArrayList<>();
        jdbc.sql("SELECT id, tenant_id, period, custom_start, custom_end, limit_usd, time_zone, thresholds"
                        + " FROM budget WHERE deleted_at IS NULL ORDER BY id")
                .query(row -> {
                    try {
                        budgets.add(budget(row));
                    } catch (IllegalArgumentException e) {
                        log.warn("budget_skipped budget_id={} reason=\"{}\"", row.getString("id"), e.getMessage());
                    }
                });
        return budgets;
    }

    private static Budget budget(ResultSet row) throws SQLException {
        String period = row.getString("period");
        BudgetPeriod parsed = "custom".equals(period.toLowerCase(Locale.ROOT))
                ? new BudgetPeriod.Custom(localDate(row.getDate("custom_start")), localDate(row.getDate("custom_end")))
                : BudgetPeriod.named(period);
        return new Budget(
                row.getString("id"),
                row.getString("tenant_id"),
                parsed,
                row.getBigDecimal("limit_usd"),
                ZoneId.of(row.getString("time_zone")),
                thresholds(row.getString("thresholds")));
    }

    private static LocalDate localDate(Date date) {
        if (date == null) {
            throw new IllegalArgumentException("custom_start/custom_end: a custom budget needs both dates");
        }
        return date.toLocalDate();
    }

    /** Thresholds are stored as comma-separated percents ({@code 50,80,100}). */
    static List<Integer> thresholds(String text) {
        if (text == null || text.isBlank()) {
            return Budget.DEFAULT_THRESHOLDS;
        }
        List<Integer> percents = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                percents.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("thresholds: not a list of percents: '" + text + "'");
            }
        }
        return percents;
    }
}
