package dev.budgetguard.schemas.spool;

import static dev.budgetguard.schemas.spool.SampleRecords.admission;
import static dev.budgetguard.schemas.spool.SpoolContents.awaitUntil;
import static dev.budgetguard.schemas.spool.SpoolContents.records;
import static dev.budgetguard.schemas.spool.SpoolContents.requestIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageRecordCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SegmentedFileUsageLogTest {

    @TempDir
    Path dir;

    @Test
    void appendedRecordsReadBackExactlyAfterClose() {
        // given
        List<UsageRecord> written =
                List.of(admission("req-1"), SampleRecords.completion("req-1"), SampleRecords.refusal("req-2"));

        // when
        try (UsageLog log = open(settings())) {
            written.forEach(r -> log.append(r).join());
        }

        // then
        SegmentId only = new SegmentId("node1", 1);
        assertThat(new SpoolLayout(dir).sealedSegments()).containsExactly(only);
        assertThat(new SpoolLayout(dir).openSegments()).isEmpty();
        assertThat(records(dir, only)).containsExactlyElementsOf(written);
    }

    @Test
    void sizeRotationSealsConsecutiveSegmentsWithoutLosingOrDuplicating() throws Exception {
        // given
        int lineBytes = UsageRecordCodec.encode(admission("req-000")).length;
        SpoolSettings small = withSegmentBytes(settings(), 4096);

        // when
        try (UsageLog log = open(small)) {
            for (int i = 0; i < 200; i++) {
                log.append(admission(String.format("req-%03d", i)));
            }
        }

        // then
        List<SegmentId> sealed = new SpoolLayout(dir).sealedSegments();
        assertThat(sealed).hasSizeGreaterThan(5);
        assertThat(sealed.stream().map(SegmentId::sequence))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, sealed.size())
                        .mapToObj(Long::valueOf)
                        .toList());
        // every segment but the last was sealed because the next line did not fit
        for (SegmentId id : sealed.subList(0, sealed.size() - 1)) {
            assertThat(Files.size(new SpoolLayout(dir).sealed(id)))
                    .isLessThanOrEqualTo(4096)
                    .isGreaterThan(4096 - lineBytes);
        }
        assertThat(requestIds(dir))
                .containsExactlyElementsOf(IntStream.range(0, 200)
                        .mapToObj(i -> String.format("req-%03d", i))
                        .toList());
    }

    @Test
    void ageRotationSealsAnIdleSegmentByTheInjectedClock() throws Exception {
        // given
        SettableClock clock = new SettableClock(SampleRecords.AT);
        SpoolLayout layout = new SpoolLayout(dir);
        try (SegmentedFileUsageLog log = SegmentedFileUsageLog.open(settings(), clock)) {
            log.append(admission("early")).join();

            // when: not old enough yet
            clock.advance(Duration.ofMinutes(4));
            log.tick();

            // then
            assertThat(layout.sealedSegments()).isEmpty();

            // when: five minutes old and no traffic at all; the writer's own wakeups must notice
            clock.advance(Duration.ofMinutes(1));

            // then
            awaitUntil(() -> !layout.sealedSegments().isEmpty(), Duration.ofSeconds(5));
            assertThat(layout.openSegments()).isEmpty();
            log.append(admission("late")).join();
        }
        assertThat(records(dir, new SegmentId("node1", 1)))
                .extracting(UsageRecord::requestId)
                .containsExactly("early");
        assertThat(records(dir, new SegmentId("node1", 2)))
                .extracting(UsageRecord::requestId)
                .containsExactly("late");
    }

    @Test
    void concurrentAppendersLoseAndDuplicateNothing() throws Exception {
        // given
        SpoolSettings settings = withCapacity(withSegmentBytes(settings(), 1 << 20), 1 << 17);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Void>> all = new ArrayList<>();

        // when
        try (UsageLog log = open(settings)) {
            List<Future<List<CompletableFuture<Void>>>> perThread = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                perThread.add(threads.submit(() -> IntStream.range(0, 10_000)
                        .mapToObj(i -> log.append(admission("t" + thread + "-" + i)))
                        .toList()));
            }
            for (var f : perThread) {
                all.addAll(f.get());
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            assertThat(log.counters().recordsWritten()).isEqualTo(80_000);
        } finally {
            threads.shutdown();
        }

        // then
        List<String> ids = requestIds(dir);
        assertThat(ids).hasSize(80_000);
        assertThat(new HashSet<>(ids)).hasSize(80_000);
        assertThat(new SpoolLayout(dir).sealedSegments()).hasSizeGreaterThan(1);
    }

    @Test
    void aFullQueueRefusesAppendsInsteadOfWaiting() {
        // given: room for one line, and a writer that only wakes itself every millisecond
        SpoolSettings tiny = withCapacity(settings(), 1);
        int attempted = 5_000;
        int written = 0;
        int refused = 0;

        // when
        try (UsageLog log = open(tiny)) {
            List<CompletableFuture<Void>> futures = IntStream.range(0, attempted)
                    .mapToObj(i -> log.append(admission("burst-" + i)))
                    .toList();
            for (CompletableFuture<Void> f : futures) {
                try {
                    f.join();
                    written++;
                } catch (CompletionException e) {
                    assertThat(e.getCause()).isInstanceOf(SpoolFullException.class);
                    refused++;
                }
            }
            assertThat(log.counters().recordsRefused()).isEqualTo(refused);
        }

        // then
        assertThat(refused).isPositive();
        assertThat(written + refused).isEqualTo(attempted);
        assertThat(requestIds(dir)).hasSize(written);
    }

    @ParameterizedTest
    @EnumSource(FsyncPolicy.class)
    void everyFsyncPolicyWritesAndForcesAsItPromises(FsyncPolicy policy) throws Exception {
        // given
        SpoolSettings settings = withPolicy(settings(), policy);
        List<UsageRecord> records =
                IntStream.range(0, 50).mapToObj(i -> admission("p-" + i)).toList();

        // when
        UsageLog log = open(settings);
        CompletableFuture.allOf(records.stream().map(log::append).toArray(CompletableFuture[]::new))
                .join();

        // then
        switch (policy) {
            case ALWAYS -> assertThat(log.counters().fsyncs()).isPositive();
            case INTERVAL -> awaitUntil(() -> log.counters().fsyncs() > 0, Duration.ofSeconds(5));
            case NEVER -> assertThat(log.counters().fsyncs()).isZero();
        }
        long beforeClose = log.counters().fsyncs();
        log.close();
        // sealing forces, whatever the policy
        assertThat(log.counters().fsyncs()).isGreaterThan(beforeClose);
        if (policy == FsyncPolicy.NEVER) {
            assertThat(log.counters().fsyncs()).isEqualTo(1);
        }
        assertThat(log.counters().segmentsSealed()).isEqualTo(1);
        assertThat(records(dir)).containsExactlyElementsOf(records);
    }

    @Test
    void rollSealsWhatWasWrittenAndNeverSealsAnEmptySegment() {
        // when
        try (UsageLog log = open(settings())) {
            log.roll();
            log.append(admission("a"));
            log.append(admission("b"));
            log.roll();
            log.roll();
            log.append(admission("c"));
        }

        // then
        assertThat(new SpoolLayout(dir).sealedSegments())
                .containsExactly(new SegmentId("node1", 1), new SegmentId("node1", 2));
        assertThat(records(dir, new SegmentId("node1", 1)))
                .extracting(UsageRecord::requestId)
                .containsExactly("a", "b");
        assertThat(records(dir, new SegmentId("node1", 2)))
                .extracting(UsageRecord::requestId)
                .containsExactly("c");
    }

    @Test
    void closingAnEmptyLogLeavesNoSegmentAndLaterAppendsAreRefused() throws Exception {
        // given
        UsageLog log = open(settings());

        // when
        log.close();

        // then
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("node1.lock");
        }
        assertThat(log.append(admission("late")))
                .failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(SpoolClosedException.class);
        assertThatThrownBy(log::roll).isInstanceOf(SpoolClosedException.class);
    }

    @Test
    void sequenceContinuesAfterThisNodesHighestSegment() throws Exception {
        // given
        SpoolLayout layout = new SpoolLayout(dir);
        Files.write(layout.sealed(new SegmentId("node1", 7)), new byte[0]);
        Files.write(layout.sealed(new SegmentId("node2", 99)), new byte[0]);

        // when
        try (UsageLog log = open(settings())) {
            log.append(admission("x"));
        }

        // then
        assertThat(records(dir, new SegmentId("node1", 8)))
                .extracting(UsageRecord::requestId)
                .containsExactly("x");
    }

    @Test
    void aSecondLogForTheSameNodeIsRefusedWhileTheFirstIsOpen() {
        try (UsageLog first = open(settings())) {
            assertThatThrownBy(() -> open(settings()))
                    .isInstanceOf(SpoolIoException.class)
                    .hasMessageContaining("already in use for node node1");
        }
    }

    @Test
    void rollingFromAFutureCallbackFailsInsteadOfDeadlocking() {
        try (UsageLog log = open(settings())) {
            // when
            CompletableFuture<Void> rolledInCallback =
                    log.append(admission("a")).thenRun(log::roll);

            // then
            assertThat(rolledInCallback)
                    .failsWithin(Duration.ofSeconds(5))
                    .withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(IllegalStateException.class);
        }
    }

    private SegmentedFileUsageLog open(SpoolSettings settings) {
        return SegmentedFileUsageLog.open(settings, Clock.systemUTC());
    }

    private SpoolSettings settings() {
        return SpoolSettings.defaults(dir);
    }

    private static SpoolSettings withSegmentBytes(SpoolSettings s, long bytes) {
        return new SpoolSettings(
                s.dir(), s.nodeId(), bytes, s.maxSegmentAge(), s.fsync(), s.fsyncInterval(), s.queueCapacity());
    }

    private static SpoolSettings withCapacity(SpoolSettings s, int capacity) {
        return new SpoolSettings(
                s.dir(), s.nodeId(), s.maxSegmentBytes(), s.maxSegmentAge(), s.fsync(), s.fsyncInterval(), capacity);
    }

    private static SpoolSettings withPolicy(SpoolSettings s, FsyncPolicy policy) {
        return new SpoolSettings(
                s.dir(),
                s.nodeId(),
                s.maxSegmentBytes(),
                s.maxSegmentAge(),
                policy,
                s.fsyncInterval(),
                s.queueCapacity());
    }
}
