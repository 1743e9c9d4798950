package dev.budgetguard.schemas.spool;

import static dev.budgetguard.schemas.spool.SampleRecords.admission;
import static dev.budgetguard.schemas.spool.SampleRecords.completion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.schemas.usage.UsageRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppendListenerTest {

    @TempDir
    Path dir;

    @Test
    void everyWrittenRecordIsReportedWithItsSegmentBeforeItsFutureCompletes() {
        // given a listener that also notes whether the record's future was already done
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        try (SegmentedFileUsageLog log = SegmentedFileUsageLog.open(SpoolSettings.defaults(dir), Clock.systemUTC())) {
            log.addAppendListener((record, segment) -> {
                seen.add(record.requestId() + " " + record.kind().wireName() + " " + segment);
                threads.add(Thread.currentThread());
            });

            // when two records land in segment 1, then one in segment 2 after a roll
            log.append(admission("req-1")).join();
            assertThat(seen).hasSize(1);
            log.append(completion("req-1")).join();
            log.roll();
            log.append(admission("req-2")).join();
        }

        // then
        assertThat(seen)
                .containsExactly(
                        "req-1 admission node1-000000000001",
                        "req-1 completion node1-000000000001",
                        "req-2 admission node1-000000000002");
        assertThat(threads).extracting(Thread::getName).containsOnly("spool-writer");
    }

    @Test
    void aListenerThatThrowsIsCountedAndTheRecordIsStillWritten() {
        // given
        UsageRecord record = admission("req-1");
        try (SegmentedFileUsageLog log = SegmentedFileUsageLog.open(SpoolSettings.defaults(dir), Clock.systemUTC())) {
            log.addAppendListener((r, segment) -> {
                throw new IllegalStateException("listener bug");
            });

            // when
            log.append(record).join();

            // then
            assertThat(log.appendListenerFailures()).isEqualTo(1);
        }
        assertThat(SpoolContents.records(dir, new SegmentId("node1", 1))).containsExactly(record);
    }
}
