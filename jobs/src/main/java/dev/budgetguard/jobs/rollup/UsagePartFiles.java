package dev.budgetguard.jobs.rollup;

import dev.budgetguard.jobs.lake.HadoopLake;
import dev.budgetguard.jobs.lake.LakeIoException;
import dev.budgetguard.schemas.lake.LakeLayout;
import dev.budgetguard.schemas.spool.RejectedLine;
import dev.budgetguard.schemas.spool.SegmentId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

/**
 * A segment's files in the lake: one Parquet part per partition date, plus its reject list.
 *
 * <p>After {@link #publish} the lake holds exactly the files of this outcome for the segment: every part is written
 * under a hidden temporary name and renamed into place, and parts or temporaries left in other dates by an earlier,
 * interrupted attempt are removed. Names depend only on the segment and the date, so publishing again replaces.
 */
final class UsagePartFiles {

    static final String REJECTS_DIR = "_rejects/rollup";

    private final HadoopLake lake;
    private final CompressionCodecName compression;

    UsagePartFiles(HadoopLake lake, CompressionCodecName compression) {
        this.lake = lake;
        this.compression = compression;
    }

    void publish(SegmentOutcome.Rolled segment) {
        Map<Path, Path> written = new LinkedHashMap<>();
        segment.rowsByDate().forEach((date, rows) -> {
            Path target = partPath(date, segment.segment());
            Path temporary = HadoopLake.temporaryFor(target);
            writeParquet(temporary, rows);
            written.put(temporary, target);
        });
        written.forEach(lake::publish);
        removeStaleParts(segment.segment(), List.copyOf(written.values()));
        writeRejects(segment.segment(), segment.rejects());
    }

    /** Removes whatever an interrupted attempt left for a segment that this run does not roll. */
    void retract(SegmentId segment) {
        removeStaleParts(segment, List.of());
        lake.deleteIfExists(rejectsPath(segment));
    }

    Path partPath(LocalDate date, SegmentId segment) {
        return lake.resolve(LakeLayout.usagePart(date, segment));
    }

    Path rejectsPath(SegmentId segment) {
        return lake.resolve(REJECTS_DIR + "/" + segment + ".rejects");
    }

    private void writeParquet(Path file, List<UsageRow> rows) {
        try (ParquetWriter<UsageRow> writer = new UsageRowWriteSupport.Builder(
                        HadoopOutputFile.fromPath(file, lake.configuration()))
                .withConf(lake.configuration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(compression)
                .build()) {
            for (UsageRow row : rows) {
                writer.write(row);
            }
        } catch (IOException e) {
            throw new LakeIoException("cannot write usage part " + file, e);
        }
    }

    private void removeStaleParts(SegmentId segment, List<Path> keep) {
        String partName = "part-" + segment + ".parquet";
        List<Path> candidates = new ArrayList<>();
        candidates.addAll(lake.glob(LakeLayout.USAGE_TABLE + "/date=*/" + partName));
        candidates.addAll(lake.glob(LakeLayout.USAGE_TABLE + "/date=*/." + partName + ".tmp"));
        candidates.stream().filter(path -> !keep.contains(path)).forEach(lake::deleteIfExists);
    }

    private void writeRejects(SegmentId segment, List<RejectedLine> rejects) {
        Path target = rejectsPath(segment);
        if (rejects.isEmpty()) {
            lake.deleteIfExists(target);
            return;
        }
        StringBuilder text = new StringBuilder("segment\tline\treason\n");
        for (RejectedLine reject : rejects) {
            text.append(segment)
                    .append('\t')
                    .append(reject.lineNumber())
                    .append('\t')
                    .append(oneLine(reject.reason()))
                    .append('\n');
        }
        lake.writeSmallFile(target, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Parser messages span lines; the reject file keeps one reject per line. */
    private static String oneLine(String reason) {
        return reason.replaceAll("[\\t\\r\\n]+", " ").strip();
    }
}
