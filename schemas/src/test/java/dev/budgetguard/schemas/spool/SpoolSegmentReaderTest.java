package dev.budgetguard.schemas.spool;

import static dev.budgetguard.schemas.spool.SampleRecords.admission;
import static dev.budgetguard.schemas.spool.SampleRecords.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageRecordCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolSegmentReaderTest {

    @TempDir
    Path dir;

    @Test
    void numbersLinesFromOneAndReportsAGarbageLineWithoutStopping() throws Exception {
        // given
        Path segment = dir.resolve("node1-000000000001.ndjson");
        write(
                segment,
                UsageRecordCodec.encode(admission("a")),
                "{\"v\":1,\"kind\":\"adm\n".getBytes(StandardCharsets.UTF_8),
                UsageRecordCodec.encode(completion("a")));
        List<String> seen = new ArrayList<>();
        List<RejectedLine> rejected = new ArrayList<>();

        // when
        SpoolSegmentReader.Summary summary = SpoolSegmentReader.read(
                segment, (r, line) -> seen.add(line + ":" + r.kind().wireName()), rejected::add);

        // then
        assertThat(seen).containsExactly("1:admission", "3:completion");
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.segment()).isEqualTo(segment);
            assertThat(r.lineNumber()).isEqualTo(2);
            assertThat(r.reason()).isNotBlank();
        });
        assertThat(summary.records()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(1);
    }

    @Test
    void readsARecordEvenWithoutTheFinalNewlineAndAnEmptySegmentAsNothing() throws Exception {
        // given
        byte[] line = UsageRecordCodec.encode(admission("last"));
        Path unterminated = dir.resolve("a.ndjson");
        Files.write(unterminated, Arrays.copyOf(line, line.length - 1));
        Path empty = Files.createFile(dir.resolve("b.ndjson"));
        List<UsageRecord> seen = new ArrayList<>();

        // when
        SpoolSegmentReader.read(unterminated, (r, n) -> seen.add(r), r -> {
            throw new AssertionError(r.toString());
        });
        SpoolSegmentReader.Summary none = SpoolSegmentReader.read(empty, (r, n) -> seen.add(r), r -> {});

        // then
        assertThat(seen).containsExactly(admission("last"));
        assertThat(none.records()).isZero();
        assertThat(none.rejected()).isZero();
    }

    @Test
    void aMissingSegmentIsANamedFailure() {
        Path missing = dir.resolve("gone.ndjson");

        assertThatThrownBy(() -> SpoolSegmentReader.read(missing, (r, n) -> {}, r -> {}))
                .isInstanceOf(SpoolIoException.class)
                .hasMessageContaining("gone.ndjson");
    }

    private static void write(Path file, byte[]... lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.write(l);
        }
        Files.write(file, out.toByteArray());
    }
}
