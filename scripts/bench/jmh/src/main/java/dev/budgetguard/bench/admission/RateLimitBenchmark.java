package dev.budgetguard.bench.admission;

import dev.budgetguard.ingest.ratelimit.RateDecision;
import dev.budgetguard.ingest.ratelimit.RateLimit;
import dev.budgetguard.ingest.ratelimit.SlidingLogRateLimiter;
import java.time.Clock;
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

/** The per-request rate limit check with {@code tenants} tenants, each limited on both requests and tokens. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RateLimitBenchmark {

    @Param("10000")
    int tenants;

    private final Clock clock = Clock.systemUTC();
    private final SlidingLogRateLimiter limiter = new SlidingLogRateLimiter();
    private String[] ids;

    @Setup
    public void load() {
        ids = new String[tenants];
        for (int i = 0; i < tenants; i++) {
            ids[i] = "tenant-" + i;
            limiter.setLimit(ids[i], new RateLimit(100_000, 100_000_000));
        }
    }

    @Benchmark
    public RateDecision acquire() {
        String tenant = ids[ThreadLocalRandom.current().nextInt(ids.length)];
        return limiter.tryAcquire(tenant, 1_200, clock.instant());
    }
}
