package dev.budgetguard.jobs.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.schemas.spool.SegmentId;
import dev.budgetguard.schemas.usage.UsageRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollup process killed with SIGKILL in the middle of its work, then run again, leaves exactly the lake of one clean
 * run: the same rows, the same files, byte for byte. The real command-line jar runs in a child process.
 */
class RollupKilledIT {

    private static final int SEGMENTS = 24;
    private static final int REQUESTS_PER_SEGMENT = 3_000;
    private static final Instant START = Instant.parse("2026-11-28T22:00:00Z");

    @TempDir
    Path root;

    @Test
    void killedMidwayAndRerunEqualsOneCleanRun() throws Exception {
        // given the same sealed spool twice
        Path spool = root.resolve("spool");
        writeSpool(spool);
        Path cleanSpool = root.resolve("clean-spool");
        copy(spool, cleanSpool);

        // when one rollup is killed as soon as its first part file is in place
        Process first = rollup(spool, root.resolve("lake"), root.resolve("h2"), false);
        boolean killedMidway = killAfterFirstPart(first, root.resolve("lake"));
        // and the command is run again, recovering the execution the kill left marked as running
        Process rerun = rollup(spool, root.resolve("lake"), root.resolve("h2"), true);
        // and, for comparison, one clean run over the copy
        Process clean = rollup(cleanSpool, root.resolve("clean-lake"), root.resolve("clean-h2"), false);

        // then
        assertThat(killedMidway)
                .as("the first run was still working when it was killed")
                .isTrue();
        assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(rerun.exitValue()).as("rerun exit code").isZero();
        assertThat(clean.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(clean.exitValue()).as("clean run exit code").isZero();
        List<?> rows = LakeReader.rows(root.resolve("lake"));
        assertThat(rows).hasSize(SEGMENTS * REQUESTS_PER_SEGMENT);
        assertThat(rows).isEqualTo(LakeReader.rows(root.resolve("clean-lake")));
        assertThat(LakeReader.fileHashes(root.resolve("lake")))
                .isEqualTo(LakeReader.fileHashes(root.resolve("clean-lake")));
    }

    /** Requests spread over three UTC days, so every segment writes several part files. */
    private static void writeSpool(Path spool) {
        for (int s = 0; s < SEGMENTS; s++) {
            List<UsageRecord> lines = new ArrayList<>();
            for (int r = 0; r < REQUESTS_PER_SEGMENT; r++) {
                String id = "req-" + s + "-" + r;
                Instant at = START.plus(Duration.ofSeconds((long) (s * REQUESTS_PER_SEGMENT + r) * 3));
                lines.add(SpoolFixtures.admission(id, at));
                lines.add(SpoolFixtures.completion(id, at, 1000 + r, 100 + s, "0.00" + (1 + r % 9)));
            }
            SpoolFixtures.writeSealed(spool, new SegmentId("node1", s + 1), lines.toArray());
        }
    }

    private static boolean killAfterFirstPart(Process process, Path lake) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (hasPart(lake)) {
                process.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
                process.waitFor(30, TimeUnit.SECONDS);
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    private static boolean hasPart(Path lake) throws IOException {
        Path usage = lake.resolve("usage");
        if (!Files.isDirectory(usage)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(usage)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("part-"));
        }
    }

    private static Process rollup(Path spool, Path lake, Path h2, boolean recover) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                execJar().toString(),
                "--spring.datasource.url=jdbc:h2:file:" + h2.resolve("budgetguard") + ";AUTO_SERVER=TRUE",
                "--budgetguard.spool.dir=" + spool,
                "--budgetguard.lake.uri=" + lake,
                "--logging.level.root=WARN",
                "jobs",
                "run",
                "rollup",
                "--as-of",
                "2026-12-03T00:00:00Z"));
        if (recover) {
            command.add("--recover");
        }
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(h2.resolveSibling(h2.getFileName() + (recover ? "-rerun" : "") + ".log")
                        .toFile())
                .start();
    }

    /** The packaged command-line jar; failsafe runs after {@code package}, so it exists. */
    private static Path execJar() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no exec jar in target/; run ./mvnw verify"))
                    .toAbsolutePath();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
