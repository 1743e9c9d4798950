package dev.budgetguard.schemas.spool;

import static dev.budgetguard.schemas.spool.SampleRecords.admission;
import static dev.budgetguard.schemas.spool.SpoolContents.records;
import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageRecordCodec;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolRecoveryIT {

    private static final Pattern ACK = Pattern.compile("ack (crash-\\d+) end");

    @TempDir
    Path dir;

    @TempDir
    Path scratch;

    @Test
    void aTornOpenSegmentKeepsItsCompleteLinesAndSetsTheHalfLineAside() throws Exception {
        // given: three whole lines and half of a fourth, as a crash mid-write leaves them
        SpoolLayout layout = new SpoolLayout(dir);
        SegmentId crashed = new SegmentId("node1", 3);
        List<UsageRecord> whole = List.of(admission("r1"), admission("r2"), SampleRecords.completion("r1"));
        byte[] fourth = UsageRecordCodec.encode(admission("r3"));
        byte[] half = Arrays.copyOf(fourth, fourth.length / 2);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (UsageRecord r : whole) {
            file.write(UsageRecordCodec.encode(r));
        }
        file.write(half);
        Files.write(layout.open(crashed), file.toByteArray());
        SegmentId othersOpen = new SegmentId("node2", 1);
        Files.write(layout.open(othersOpen), half);

        // when
        RecoveryReport report;
        try (SegmentedFileUsageLog log = SegmentedFileUsageLog.open(SpoolSettings.defaults(dir), Clock.systemUTC())) {
            report = log.recovery();
            log.append(admission("after")).join();
        }

        // then
        assertThat(report.segmentsRecovered()).containsExactly(crashed);
        assertThat(report.recordsKept()).isEqualTo(3);
        assertThat(report.tornBytes()).isEqualTo(half.length);
        assertThat(records(dir, crashed)).containsExactlyElementsOf(whole);
        assertThat(Files.readAllBytes(layout.torn(crashed))).isEqualTo(half);
        assertThat(records(dir, crashed.next()))
                .extracting(UsageRecord::requestId)
                .containsExactly("after");
        assertThat(layout.openSegments()).containsExactly(othersOpen);
        assertThat(Files.readAllBytes(layout.open(othersOpen))).isEqualTo(half);
    }

    @Test
    void aCompleteButUndecodableLastLineIsTornTooAndAnEmptyRemainderIsNotSealed() throws Exception {
        // given
        SpoolLayout layout = new SpoolLayout(dir);
        SegmentId crashed = new SegmentId("node1", 1);
        byte[] garbage = "{\"v\":1,\"kind\":\n".getBytes(StandardCharsets.UTF_8);
        Files.write(layout.open(crashed), garbage);

        // when
        RecoveryReport report;
        try (SegmentedFileUsageLog log = SegmentedFileUsageLog.open(SpoolSettings.defaults(dir), Clock.systemUTC())) {
            report = log.recovery();
            log.append(admission("after")).join();
        }

        // then
        assertThat(report.recordsKept()).isZero();
        assertThat(report.tornBytes()).isEqualTo(garbage.length);
        assertThat(Files.readAllBytes(layout.torn(crashed))).isEqualTo(garbage);
        assertThat(layout.sealedSegments()).containsExactly(crashed.next());
    }

    @Test
    void aKilledWriterLosesNoAcknowledgedRecordAndTearsNoSealedLine() throws Exception {
        // given: a child JVM appending under ALWAYS
        Set<String> acked = ConcurrentHashMap.newKeySet();
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        SpoolCrashChild.class.getName(),
                        dir.toString())
                .redirectError(scratch.resolve("child.err").toFile())
                .start();
        Thread reader = new Thread(() -> readAcks(child, acked), "child-stdout");
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acked.size() < 2000) {
            assertThat(child.isAlive())
                    .as("child died: %s", Files.readString(scratch.resolve("child.err")))
                    .isTrue();
            assertThat(System.nanoTime()).as("2000 acks within 60 s").isLessThan(deadline);
            Thread.sleep(10);
        }

        // when: SIGKILL, no shutdown hooks, no close
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        SpoolLayout layout = new SpoolLayout(dir);
        int sealedBefore = layout.sealedSegments().size();
        int recordsBefore = records(dir).size();
        RecoveryReport report;
        try (SegmentedFileUsageLog log = SegmentedFileUsageLog.open(SpoolSettings.defaults(dir), Clock.systemUTC())) {
            report = log.recovery();
        }

        // then
        List<String> ids = records(dir).stream().map(UsageRecord::requestId).toList();
        assertThat(sealedBefore).isGreaterThan(1);
        assertThat(report.segmentsRecovered()).hasSizeLessThanOrEqualTo(1);
        assertThat(ids).hasSize(recordsBefore + (int) report.recordsKept());
        assertThat(layout.openSegments()).isEmpty();
        assertThat(new HashSet<>(ids)).hasSize(ids.size()).containsAll(acked);
        for (SegmentId id : layout.sealedSegments()) {
            byte[] bytes = Files.readAllBytes(layout.sealed(id));
            assertThat(bytes[bytes.length - 1]).as("%s ends with a newline", id).isEqualTo((byte) '\n');
        }
    }

    private static void readAcks(Process child, Set<String> acked) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                // A line cut by the kill does not match and was not necessarily acknowledged in full.
                Matcher m = ACK.matcher(line);
                if (m.matches()) {
                    acked.add(m.group(1));
                }
            }
        } catch (IOException e) {
            // The pipe breaks when the child dies; what was read is what counts.
        }
    }
}
