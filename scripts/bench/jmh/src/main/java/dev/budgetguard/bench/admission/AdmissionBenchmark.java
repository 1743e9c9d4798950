package dev.budgetguard.bench.admission;

import dev.budgetguard.ingest.admission.Admission;
import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetPeriod;
import dev.budgetguard.ingest.admission.LockFreeSpendLedger;
import dev.budgetguard.ingest.admission.SpendBaseline;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One admission decision per operation against a ledger holding {@code tenants} tenants, each with a daily budget
 * (Europe/Berlin) and a monthly one (America/New_York) and a loaded baseline: what the proxy does per request, with a
 * real clock read. Tenants are drawn at random so the map lookup and the book are not always in cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AdmissionBenchmark {

    private static final BigDecimal ESTIMATE = new BigDecimal("0.004215");
    private static final BigDecimal ACTUAL = new BigDecimal("0.001337");

    @Param("10000")
    int tenants;

    private final Clock clock = Clock.systemUTC();
    private final LockFreeSpendLedger roomy = new LockFreeSpendLedger();
    private final LockFreeSpendLedger spent = new LockFreeSpendLedger();
    private String[] ids;

    @Setup
    public void load() {
        ids = new String[tenants];
        Instant now = clock.instant();
        for (int i = 0; i < tenants; i++) {
            ids[i] = "tenant-" + i;
            load(roomy, ids[i], "1000000", now);
            load(spent, ids[i], "1.00", now);
        }
    }

    /** A request that fits: reserve on both budgets, then settle at its actual cost, as the proxy would. */
    @Benchmark
    public boolean admitAndSettle() {
        Admission admission = roomy.tryAdmit(randomTenant(), ESTIMATE, clock.instant());
        return admission instanceof Admission.Admitted admitted
                && admitted.reservation().settle(ACTUAL);
    }

    /** A request refused because the daily budget is used up; refusals write nothing. */
    @Benchmark
    public Admission refuse() {
        return spent.tryAdmit(randomTenant(), ESTIMATE, clock.instant());
    }

    private String randomTenant() {
        return ids[ThreadLocalRandom.current().nextInt(ids.length)];
    }

    static List<Budget> budgets(String tenantId, String dailyLimit) {
        return List.of(
                Budget.of("daily", tenantId, BudgetPeriod.DAILY, new BigDecimal(dailyLimit), "Europe/Berlin"),
                Budget.of("monthly", tenantId, BudgetPeriod.MONTHLY, new BigDecimal("10000000"), "America/New_York"));
    }

    private static void load(LockFreeSpendLedger ledger, String tenantId, String dailyLimit, Instant now) {
        List<Budget> budgets = budgets(tenantId, dailyLimit);
        ledger.replaceBudgets(tenantId, budgets);
        for (Budget budget : budgets) {
            Instant windowStart = budget.window(now).orElseThrow().start();
            ledger.applyBaseline(SpendBaseline.atStart(tenantId, budget.id(), windowStart, new BigDecimal("1.00")));
        }
    }
}
