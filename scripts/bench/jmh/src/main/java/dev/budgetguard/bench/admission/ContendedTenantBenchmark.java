package dev.budgetguard.bench.admission;

import dev.budgetguard.ingest.admission.Admission;
import dev.budgetguard.ingest.admission.LockFreeSpendLedger;
import dev.budgetguard.ingest.admission.LockedAdmission;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Every thread admits and settles on the same tenant: the worst case for the per-tenant compare-and-set (retries),
 * next to the same step under a per-tenant monitor. Two threads, because the benchmark machine has two cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(2)
public class ContendedTenantBenchmark {

    private static final BigDecimal ESTIMATE = new BigDecimal("0.004215");
    private static final BigDecimal ACTUAL = new BigDecimal("0.001337");

    private final Clock clock = Clock.systemUTC();
    private final LockFreeSpendLedger ledger = new LockFreeSpendLedger();
    private LockedAdmission locked;

    @Setup
    public void load() {
        ledger.replaceBudgets("hot", AdmissionBenchmark.budgets("hot", "1000000"));
        locked = new LockedAdmission("hot", AdmissionBenchmark.budgets("hot", "1000000"), clock.instant());
    }

    @Benchmark
    public boolean lockFree() {
        return settle(ledger.tryAdmit("hot", ESTIMATE, clock.instant()));
    }

    @Benchmark
    public boolean lockedBaseline() {
        return settle(locked.tryAdmit(ESTIMATE, clock.instant()));
    }

    private static boolean settle(Admission admission) {
        return admission instanceof Admission.Admitted admitted
                && admitted.reservation().settle(ACTUAL);
    }
}
