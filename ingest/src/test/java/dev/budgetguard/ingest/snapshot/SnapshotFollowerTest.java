package dev.budgetguard.ingest.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.admission.Admission;
import dev.budgetguard.ingest.admission.LockFreeSpendLedger;
import dev.budgetguard.ingest.admission.SpendLedger;
import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetPeriod;
import dev.budgetguard.schemas.budget.CapSpend;
import dev.budgetguard.schemas.spool.SegmentedFileUsageLog;
import dev.budgetguard.schemas.spool.SpoolLayout;
import dev.budgetguard.schemas.spool.SpoolSegmentReader;
import dev.budgetguard.schemas.spool.SpoolSettings;
import dev.budgetguard.schemas.usage.Cost;
import dev.budgetguard.schemas.usage.CostStatus;
import dev.budgetguard.schemas.usage.RecordKind;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector's snapshot follower over a real spool: spend settled here lands in segments, snapshots cover some of
 * them, and the budget's spent total stays exactly the lake's covered spend plus this node's uncovered spend.
 */
class SnapshotFollowerTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant NOV = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant OCT = Instant.parse("2026-10-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Budget MONTHLY =
            new Budget("m", "acme", BudgetPeriod.MONTHLY, new BigDecimal("10.00"), ZoneId.of("UTC"));

    @TempDir
    Path dir;

    private final MemoryStore store = new MemoryStore();
    private SegmentedFileUsageLog spool;
    private int requests;

    @AfterEach
    void closeSpool() {
        if (spool != null) {
            spool.close();
        }
    }

    @Test
    void aSnapshotOverCoveredAndUncoveredSegmentsCountsEverythingOnce() {
        // given $0.40 in segment 1, $0.25 in segment 2, $0.10 in the open segment 3, all settled here
        SpendLedger ledger = collector();
        ledger.replaceBudgets("acme", List.of(MONTHLY));
        spend(ledger, "0.40");
        spool.roll();
        spend(ledger, "0.25");
        spool.roll();
        spend(ledger, "0.10");
        BigDecimal before = spent(ledger);

        // when the job covers segments 1-2 and other nodes spent $1.000000000001
        store.add(snapshot(1, 2, "1.650000000001"));
        boolean applied = follower.poll();
        BigDecimal afterFirst = spent(ledger);
        // and then, segment 3 rolled and $0.05 more from other nodes, a second snapshot covers it as well
        spool.roll();
        store.add(snapshot(2, 3, "1.800000000001"));
        follower.poll();
        // and polling again with nothing newer changes nothing
        boolean again = follower.poll();

        // then
        assertThat(before).isEqualByComparingTo("0.75");
        assertThat(applied).isTrue();
        assertThat(afterFirst).isEqualByComparingTo("1.750000000001");
        assertThat(spent(ledger)).isEqualByComparingTo("1.800000000001");
        assertThat(again).isFalse();
    }

    @Test
    void aRestartRebuildsUncoveredSpendAndOrphanAdmissionsFromTheSpool() {
        // given spend in segments 1 and 2, snapshot 1 covering segment 1, and an admission never completed
        SpendLedger ledger = collector();
        ledger.replaceBudgets("acme", List.of(MONTHLY));
        spend(ledger, "0.40");
        spool.roll();
        spend(ledger, "0.25");
        spool.append(admission("orphan", new BigDecimal("0.07"))).join();
        store.add(snapshot(1, 1, "3.40"));
        spool.close();
        spool = null;

        // when the collector starts again and its budgets arrive from the directory afterwards
        SpendLedger restarted = collector();
        restarted.replaceBudgets("acme", List.of(MONTHLY));

        // then: the lake's $3.40, plus $0.25 completed and the orphan's $0.07 estimate past the watermark
        assertThat(spent(restarted)).isEqualByComparingTo("3.72");
        // and once the job covers segment 2 (its rollup wrote the orphan's incomplete row with the estimate)
        store.add(snapshot(2, 2, "3.72"));
        follower.poll();
        assertThat(spent(restarted)).isEqualByComparingTo("3.72");
    }

    @Test
    void aSnapshotWithoutARowForTheCurrentWindowDoesNotResetIt() {
        // given $0.40 in segment 1 and $0.25 in the open segment 2, settled here in November
        SpendLedger ledger = collector();
        ledger.replaceBudgets("acme", List.of(MONTHLY));
        spend(ledger, "0.40");
        spool.roll();
        spend(ledger, "0.25");

        // when an older job's snapshot covers segment 1 but has a row for October only
        store.add(octoberOnly(1, 1));
        boolean applied = follower.poll();

        // then November keeps its figures: the covered $0.40 moved into the baseline, nothing was lost
        assertThat(applied).isTrue();
        assertThat(spent(ledger)).isEqualByComparingTo("0.65");
    }

    @Test
    void aRestartAfterASnapshotWithoutTheCurrentWindowKeepsItsCoveredSpend() {
        // given $0.40 in segment 1 and $0.25 in segment 2, and a snapshot covering segment 1 with October's row only
        SpendLedger ledger = collector();
        ledger.replaceBudgets("acme", List.of(MONTHLY));
        spend(ledger, "0.40");
        spool.roll();
        spend(ledger, "0.25");
        store.add(octoberOnly(1, 1));
        spool.close();
        spool = null;

        // when the collector starts again from that snapshot
        SpendLedger restarted = collector();
        restarted.replaceBudgets("acme", List.of(MONTHLY));
        BigDecimal afterRestart = spent(restarted);
        // and a complete snapshot covering both segments arrives later
        store.add(snapshot(2, 2, "0.65"));
        follower.poll();

        // then November's covered $0.40 is read back from the spool instead of becoming $0
        assertThat(afterRestart).isEqualTo(new BigDecimal("0.65"));
        assertThat(spent(restarted)).isEqualTo(new BigDecimal("0.65"));
    }

    @Test
    void aBudgetAddedAfterTheSnapshotIsSeededWithTheSnapshotAndTheLocalSpend() {
        // given a snapshot naming the budget's window, and $0.30 spent here past its watermark
        store.add(snapshot(1, 0, "2.00"));
        SpendLedger ledger = collector();
        ledger.replaceBudgets("acme", List.of());
        spend(ledger, "0.30");

        // when the directory gives the tenant the budget now
        ledger.replaceBudgets("acme", List.of(MONTHLY));

        // then
        assertThat(spent(ledger)).isEqualByComparingTo("2.30");
    }

    @Test
    void snapshotsAppliedWhileRequestsSettleLeaveExactlyTheTotalAtTheEnd() throws Exception {
        // given four threads spending 150 times each while snapshots keep covering what was sealed
        SpendLedger ledger = collector();
        ledger.replaceBudgets("acme", List.of(MONTHLY));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> spenders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            spenders.add(threads.submit(() -> {
                for (int i = 0; i < 150; i++) {
                    spend(ledger, "0.000" + (1 + (thread * 150 + i) % 9) + "00000001", "t" + thread + "-" + i);
                }
            }));
        }

        // when, until they are done, the spool is sealed and a snapshot of the sealed part is applied over and over
        long id = 0;
        while (spenders.stream().anyMatch(f -> !f.isDone())) {
            spool.roll();
            store.add(lakeSnapshot(++id));
            follower.poll();
        }
        for (Future<?> spender : spenders) {
            spender.get();
        }
        threads.shutdown();
        spool.roll();
        store.add(lakeSnapshot(++id));
        follower.poll();

        // then the last snapshot covers every segment and the ledger says exactly what the spool holds, once
        BigDecimal total = coveredSpend(Long.MAX_VALUE);
        assertThat(id).isGreaterThan(2);
        assertThat(total).isEqualByComparingTo(expectedTotal());
        assertThat(spent(ledger)).isEqualByComparingTo(total);
    }

    /** What the job would compute: the cap spend of every completion in the sealed segments. */
    private BudgetSnapshot lakeSnapshot(long id) {
        long last = new SpoolLayout(dir)
                .sealedSegments().stream().mapToLong(s -> s.sequence()).max().orElse(0);
        return new BudgetSnapshot(
                id, NOW, Map.of("node1", last), Map.of(new BudgetSnapshot.WindowKey("m", NOV), coveredSpend(last)));
    }

    private BigDecimal coveredSpend(long lastSequence) {
        BigDecimal[] sum = {BigDecimal.ZERO};
        new SpoolLayout(dir)
                .sealedSegments().stream()
                        .filter(s -> s.sequence() <= lastSequence)
                        .forEach(s -> SpoolSegmentReader.read(
                                new SpoolLayout(dir).sealed(s),
                                (record, line) -> {
                                    if (record.kind() == RecordKind.COMPLETION) {
                                        sum[0] = sum[0].add(CapSpend.of(record));
                                    }
                                },
                                rejected -> {}));
        return sum[0];
    }

    private static BigDecimal expectedTotal() {
        BigDecimal total = BigDecimal.ZERO;
        for (int n = 0; n < 600; n++) {
            total = total.add(new BigDecimal("0.000" + (1 + n % 9) + "00000001"));
        }
        return total;
    }

    private SnapshotFollower follower;

    private SpendLedger collector() {
        spool = SegmentedFileUsageLog.open(SpoolSettings.defaults(dir), CLOCK);
        LockFreeSpendLedger ledger = new LockFreeSpendLedger(CLOCK);
        follower = new SnapshotFollower(
                store, ledger, new LocalSpendIndex(), new SpoolRebuild(new SpoolLayout(dir), "node1"), "node1", CLOCK);
        follower.start(spool);
        return ledger;
    }

    /** What the proxy does for one request: reserve, write the completion, settle with its cost. */
    private void spend(SpendLedger ledger, String cost) {
        spend(ledger, cost, "r" + (++requests));
    }

    private void spend(SpendLedger ledger, String cost, String requestId) {
        BigDecimal amount = new BigDecimal(cost);
        Admission admission = ledger.tryAdmit("acme", amount, NOW);
        UsageRecord admitted = admission(requestId, amount);
        spool.append(admitted).join();
        spool.append(admitted.complete(
                        NOW.plusSeconds(1),
                        UsageStatus.OK,
                        200,
                        TokenUsage.of(100, 10),
                        Cost.priced(amount, "gpt-4o@2024-05-13"),
                        1000,
                        null))
                .join();
        if (admission instanceof Admission.Admitted admitted1) {
            admitted1.reservation().settle(amount);
        }
    }

    private static UsageRecord admission(String requestId, BigDecimal estimate) {
        UsageRecord plain =
                UsageRecord.admission(requestId, "acme", "openai", "/v1/chat/completions", "gpt-4o", false, NOW);
        return new UsageRecord(
                plain.kind(),
                plain.requestId(),
                plain.tenantId(),
                plain.provider(),
                plain.route(),
                plain.model(),
                plain.stream(),
                plain.createdAt(),
                null,
                plain.status(),
                0,
                TokenUsage.ZERO,
                new Cost(estimate, CostStatus.ESTIMATED, null),
                0,
                null);
    }

    private static BigDecimal spent(SpendLedger ledger) {
        return ledger.usage("acme", "m", NOW).orElseThrow().spentUsd();
    }

    private static BudgetSnapshot snapshot(long id, long lastSequence, String spent) {
        return new BudgetSnapshot(
                id,
                NOW,
                Map.of("node1", lastSequence),
                Map.of(new BudgetSnapshot.WindowKey("m", NOV), new BigDecimal(spent)));
    }

    private static BudgetSnapshot octoberOnly(long id, long lastSequence) {
        return new BudgetSnapshot(
                id,
                OCT,
                Map.of("node1", lastSequence),
                Map.of(new BudgetSnapshot.WindowKey("m", OCT), new BigDecimal("5.00")));
    }

    private static final class MemoryStore implements SnapshotStore {
        private final Map<Long, BudgetSnapshot> snapshots = new HashMap<>();

        void add(BudgetSnapshot snapshot) {
            snapshots.put(snapshot.id(), snapshot);
        }

        @Override
        public long latestId() {
            return snapshots.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        }

        @Override
        public Optional<BudgetSnapshot> load(long id) {
            return Optional.ofNullable(snapshots.get(id));
        }
    }
}
