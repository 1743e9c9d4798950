package dev.budgetguard.ingest.admission;

import static dev.budgetguard.ingest.admission.LockFreeSpendLedgerTest.daily;
import static dev.budgetguard.ingest.admission.LockFreeSpendLedgerTest.reservation;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrentAdmissionTest {

    private static final Instant NOON = Instant.parse("2026-08-19T12:00:00Z");
    private static final Instant TODAY = Instant.parse("2026-08-19T00:00:00Z");

    private final LockFreeSpendLedger ledger = new LockFreeSpendLedger();
    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void tenRequestsForTheLastSixtyCentsAdmitExactlyOne() throws Exception {
        // given cap $1.00 with $0.40 spent, and a watcher reading spent + reserved throughout
        ledger.replaceBudgets("acme", List.of(daily("d", "1.00", "UTC")));
        ledger.applyBaseline(SpendBaseline.atStart("acme", "d", TODAY, new BigDecimal("0.40")));
        AtomicBoolean racing = new AtomicBoolean(true);
        AtomicReference<BigDecimal> highest = new AtomicReference<>(BigDecimal.ZERO);
        Future<?> watcher = pool.submit(() -> watchCommitted(racing, highest));

        // when ten threads released together each ask for $0.40
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Admission>> asks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            asks.add(pool.submit(() -> {
                start.await();
                return ledger.tryAdmit("acme", new BigDecimal("0.40"), NOON);
            }));
        }
        start.countDown();
        List<Admission> outcomes = collect(asks);
        racing.set(false);
        watcher.get(10, TimeUnit.SECONDS);

        // then exactly one is admitted, and spent + reserved never passed the cap
        List<Admission> admitted = outcomes.stream().filter(Admission::admitted).toList();
        assertThat(admitted).hasSize(1);
        assertThat(highest.get()).isLessThanOrEqualTo(new BigDecimal("1.00"));
        assertThat(usage().reservedUsd()).isEqualByComparingTo("0.40");

        // when it settles at $0.25 actual, then spent is $0.65 and nothing is held
        reservation(admitted.get(0)).settle(new BigDecimal("0.25"));
        assertThat(usage().spentUsd()).isEqualByComparingTo("0.65");
        assertThat(usage().reservedUsd()).isEqualByComparingTo("0");

        // when a call that fails upstream releases its hold, then the room is back for the next request
        Reservation failed = reservation(ledger.tryAdmit("acme", new BigDecimal("0.35"), NOON));
        assertThat(ledger.tryAdmit("acme", new BigDecimal("0.01"), NOON).admitted())
                .isFalse();
        failed.release();
        assertThat(usage().reservedUsd()).isEqualByComparingTo("0");
        assertThat(ledger.tryAdmit("acme", new BigDecimal("0.35"), NOON).admitted())
                .isTrue();
    }

    @Test
    void thousandRequestsRacingForTheLastFiveDollarsNeverSpendMore() throws Exception {
        // given $5.00 left of $100 and 1,000 requests with seeded estimates of $0.01..$0.50, each costing a seeded (0,
        // 1] share of it
        ledger.replaceBudgets("acme", List.of(daily("d", "100.00", "UTC")));
        ledger.applyBaseline(SpendBaseline.atStart("acme", "d", TODAY, new BigDecimal("95.00")));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<BigDecimal>> requests = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Random random = new Random(i);
            BigDecimal estimate = BigDecimal.valueOf(1 + random.nextInt(50), 2);
            BigDecimal actual = estimate.multiply(BigDecimal.valueOf(1 + random.nextInt(1_000_000), 6))
                    .setScale(8, RoundingMode.DOWN);
            requests.add(pool.submit(() -> {
                start.await();
                return spendIfAdmitted(estimate, actual);
            }));
        }

        // when they race
        start.countDown();
        List<BigDecimal> spends = collect(requests);

        // then the actual spend is at most the $5.00 left, to the last digit, and the ledger agrees exactly
        BigDecimal total = spends.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        long admittedCount = spends.stream().filter(s -> s.signum() > 0).count();
        assertThat(total).isLessThanOrEqualTo(new BigDecimal("5.00"));
        assertThat(admittedCount).isBetween(10L, 999L);
        assertThat(usage().spentUsd()).isEqualByComparingTo(new BigDecimal("95.00").add(total));
        assertThat(usage().reservedUsd()).isEqualByComparingTo("0");
    }

    /** Admits, then settles at the actual cost as a completed call would; zero when refused. */
    private BigDecimal spendIfAdmitted(BigDecimal estimate, BigDecimal actual) {
        Admission admission = ledger.tryAdmit("acme", estimate, NOON);
        if (!(admission instanceof Admission.Admitted admitted)) {
            return BigDecimal.ZERO;
        }
        try (Reservation reservation = admitted.reservation()) {
            Thread.yield();
            reservation.settle(actual);
            return actual;
        }
    }

    private void watchCommitted(AtomicBoolean racing, AtomicReference<BigDecimal> highest) {
        while (racing.get()) {
            BudgetUsage usage = usage();
            BigDecimal committed = usage.spentUsd().add(usage.reservedUsd());
            highest.accumulateAndGet(committed, BigDecimal::max);
        }
    }

    private BudgetUsage usage() {
        return ledger.usage("acme", "d", NOON).orElseThrow();
    }

    private static <T> List<T> collect(List<Future<T>> futures) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(10, TimeUnit.SECONDS));
        }
        return results;
    }
}
