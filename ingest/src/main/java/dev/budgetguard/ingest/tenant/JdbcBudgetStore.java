package dev.budgetguard.ingest.tenant;

import static dev.budgetguard.ingest.tenant.SqlTime.instant;
import static dev.budgetguard.ingest.tenant.SqlTime.utc;

import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetPeriod;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Budgets in the {@code budget} table, in SQL that runs on H2 and PostgreSQL. Thresholds are stored as a comma list
 * ({@code 50,80,100}); a custom period's local dates in {@code custom_start}/{@code custom_end}. A row that no longer
 * reads as a valid budget (a corrupted or hand-edited database) is skipped with a warning and counted, never thrown:
 * one bad budget must not stop key revocations and tenant deletions of every other tenant from loading.
 */
@Repository
class JdbcBudgetStore implements BudgetStore {

    private static final String COLUMNS =
            "b.id, b.tenant_id, b.period, b.custom_start, b.custom_end, b.limit_usd, b.time_zone, b.thresholds,"
                    + " b.created_at";

    private static final Logger log = LoggerFactory.getLogger(JdbcBudgetStore.class);

    private final JdbcClient jdbc;
    private final Counter unreadable;

    JdbcBudgetStore(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.unreadable = Counter.builder("budgetguard.tenant.budget.rows.unreadable")
                .description("Budget rows skipped on a read because they are not a valid budget")
                .register(registry);
    }

    @Override
    public void addBudget(Budget budget, Instant createdAt) {
        BudgetPeriod.Custom custom = budget.period() instanceof BudgetPeriod.Custom range ? range : null;
        jdbc.sql("INSERT INTO budget (id, tenant_id, period, custom_start, custom_end, limit_usd, time_zone,"
                        + " thresholds, created_at) VALUES (:id, :tenantId, :period, :start, :end, :limit, :zone,"
                        + " :thresholds, :createdAt)")
                .param("id", budget.id())
                .param("tenantId", budget.tenantId())
                .param("period", budget.period().name())
                .param("start", custom == null ? null : Date.valueOf(custom.start()), java.sql.Types.DATE)
                .param("end", custom == null ? null : Date.valueOf(custom.end()), java.sql.Types.DATE)
                .param("limit", budget.limitUsd())
                .param("zone", budget.zone().getId())
                .param(
                        "thresholds",
                        budget.thresholds().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .param("createdAt", utc(createdAt))
                .update();
    }

    @Override
    public List<TenantBudget> budgetsOf(TenantId id) {
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM budget b WHERE b.tenant_id = :tenantId AND b.deleted_at IS NULL"
                        + " ORDER BY b.created_at, b.id")
                .param("tenantId", id.value())
                .query((rs, row) -> {
                    Instant createdAt = instant(rs, "created_at");
                    return readable(rs).map(budget -> new TenantBudget(budget, createdAt));
                })
                .list()
                .stream()
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public boolean deleteBudget(TenantId id, String budgetId, Instant deletedAt) {
        return jdbc.sql("UPDATE budget SET deleted_at = :deletedAt"
                                + " WHERE id = :id AND tenant_id = :tenantId AND deleted_at IS NULL")
                        .param("deletedAt", utc(deletedAt))
                        .param("id", budgetId)
                        .param("tenantId", id.value())
                        .update()
                == 1;
    }

    @Override
    public void deleteAll(TenantId id, Instant deletedAt) {
        jdbc.sql("UPDATE budget SET deleted_at = :deletedAt WHERE tenant_id = :tenantId AND deleted_at IS NULL")
                .param("deletedAt", utc(deletedAt))
                .param("tenantId", id.value())
                .update();
    }

    @Override
    public Map<String, List<Budget>> liveBudgets() {
        Map<String, List<Budget>> byTenant = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM budget b JOIN tenant t ON t.id = b.tenant_id"
                        + " WHERE b.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY b.created_at, b.id")
                .query(rs -> {
                    readable(rs)
                            .ifPresent(
                                    budget -> byTenant.computeIfAbsent(budget.tenantId(), tenant -> new ArrayList<>())
                                            .add(budget));
                });
        return byTenant;
    }

    private Optional<Budget> readable(ResultSet rs) throws SQLException {
        try {
            return Optional.of(budget(rs));
        } catch (RuntimeException e) {
            // Ids only: the row's other columns are what is broken, and the exception text quotes them.
            unreadable.increment();
            log.warn("event=budget_row_unreadable tenant={} budget={}", rs.getString("tenant_id"), rs.getString("id"));
            return Optional.empty();
        }
    }

    private static Budget budget(ResultSet rs) throws SQLException {
        String period = rs.getString("period");
        BudgetPeriod parsed = period.equals("custom")
                ? new BudgetPeriod.Custom(localDate(rs, "custom_start"), localDate(rs, "custom_end"))
                : BudgetPeriod.named(period);
        String thresholdList = rs.getString("thresholds");
        List<Integer> thresholds = thresholdList.isBlank()
                ? List.of()
                : Arrays.stream(thresholdList.split(",")).map(Integer::valueOf).toList();
        return new Budget(
                rs.getString("id"),
                rs.getString("tenant_id"),
                parsed,
                rs.getBigDecimal("limit_usd").stripTrailingZeros(),
                ZoneId.of(rs.getString("time_zone")),
                thresholds);
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
