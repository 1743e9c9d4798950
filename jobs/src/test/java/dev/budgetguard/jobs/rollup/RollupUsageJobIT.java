package dev.budgetguard.jobs.rollup;

import static dev.budgetguard.jobs.rollup.SpoolFixtures.admission;
import static dev.budgetguard.jobs.rollup.SpoolFixtures.batchCompletion;
import static dev.budgetguard.jobs.rollup.SpoolFixtures.completion;
import static dev.budgetguard.jobs.rollup.SpoolFixtures.refusal;
import static dev.budgetguard.jobs.rollup.SpoolFixtures.writeSealed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.jobs.JobsApplication;
import dev.budgetguard.jobs.cli.Command;
import dev.budgetguard.schemas.spool.RejectedLine;
import dev.budgetguard.schemas.spool.SegmentId;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

// The database comes from a property source of lower precedence than @DynamicPropertySource, so that a subclass can
// move the same tests onto another database.
@SpringBootTest(classes = JobsApplication.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:rollup-usage-job-it;DB_CLOSE_DELAY=-1")
class RollupUsageJobIT {

    private static final Path ROOT = tempRoot();
    private static final Path SPOOL = ROOT.resolve("spool");
    private static final Path LAKE = ROOT.resolve("lake");
    private static final String AS_OF = "2026-12-03T00:00:00Z";

    private static final SegmentId A = new SegmentId("node1", 1);
    private static final SegmentId B = new SegmentId("node1", 2);
    private static final SegmentId C = new SegmentId("node2", 1);
    private static final LocalDate DEC_1 = LocalDate.parse("2026-12-01");
    private static final LocalDate DEC_2 = LocalDate.parse("2026-12-02");

    @DynamicPropertySource
    static void paths(DynamicPropertyRegistry registry) {
        registry.add("budgetguard.spool.dir", SPOOL::toString);
        registry.add("budgetguard.lake.uri", LAKE::toString);
    }

    @Autowired
    JobOperator operator;

    @Autowired
    JobRepository repository;

    @Autowired
    Job rollupUsageJob;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UsagePartFiles partFiles;

    @Autowired
    List<Command> commands;

    @BeforeEach
    void emptySpoolLakeAndManifest() throws IOException {
        FileSystemUtils.deleteRecursively(SPOOL);
        FileSystemUtils.deleteRecursively(LAKE);
        FileSystemUtils.deleteRecursively(ROOT.resolve("clean-lake"));
        jdbc.sql("DELETE FROM rolled_segment").update();
        new JobRepositoryTestUtils(repository).removeJobExecutions();
        writeKnownSpool();
    }

    /**
     * node1-1: r1 admitted and completed, r2 admitted (completed in node1-2), r3 refused, r4 admitted and never
     * completed; node1-2: r2's completion across midnight, r5 admitted and completed; node2-1: r6, a torn line, r7.
     */
    private static void writeKnownSpool() {
        Instant r1 = Instant.parse("2026-12-01T10:00:00Z");
        Instant r2 = Instant.parse("2026-12-01T23:59:59.500Z");
        Instant r5 = Instant.parse("2026-12-02T01:00:00Z");
        writeSealed(
                SPOOL,
                A,
                admission("r1", r1),
                completion("r1", r1, 1000, 200, "0.004500000000"),
                admission("r2", r2),
                refusal("r3", Instant.parse("2026-12-01T11:00:00Z")),
                admission("r4", Instant.parse("2026-12-01T12:00:00Z")));
        writeSealed(
                SPOOL,
                B,
                completion("r2", r2, 500, 100, "0.000123456789"),
                admission("r5", r5),
                completion("r5", r5, 2000, 0, "1.5"));
        writeSealed(
                SPOOL,
                C,
                completion("r6", Instant.parse("2026-12-02T03:00:00Z"), 10, 10, "0.000000000001"),
                "{\"v\":1,\"kind\":\"completion\",\"request_id\":\"r-torn\n",
                batchCompletion("r7", Instant.parse("2026-12-02T04:00:00Z"), 7, 3, "0.25"));
    }

    JobExecution runRollup(long runId) throws Exception {
        JobOperatorTestUtils jobs = new JobOperatorTestUtils(operator, repository);
        jobs.setJob(rollupUsageJob);
        return jobs.startJob(new JobParametersBuilder()
                .addLong("run.id", runId)
                .addString("asOf", AS_OF, false)
                .toJobParameters());
    }

    @Test
    void rollsKnownSegmentsIntoExactRows() throws Exception {
        // when
        JobExecution execution = runRollup(1);

        // then every row is there once, with exact tokens and money
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Map<String, Object>> rows = LakeReader.rows(LAKE);
        assertThat(rows).extracting(r -> r.get("request_id")).containsExactly("r1", "r2", "r3", "r4", "r5", "r6", "r7");
        Map<String, Object> totals = LakeReader.query("SELECT sum(input_tokens) AS i, sum(output_tokens) AS o,"
                        + " sum(cost_usd) AS c FROM " + LakeReader.usage(LAKE))
                .get(0);
        assertThat(((Number) totals.get("i")).longValue()).isEqualTo(3517L);
        assertThat(((Number) totals.get("o")).longValue()).isEqualTo(313L);
        assertThat((BigDecimal) totals.get("c")).isEqualByComparingTo("1.754623456790");
        assertThat(((BigDecimal) rows.get(1).get("cost_usd"))).isEqualByComparingTo("0.000123456789");
        assertThat(((BigDecimal) rows.get(5).get("cost_usd"))).isEqualByComparingTo("0.000000000001");

        // and the outcome of each request and the partition it landed in
        assertThat(byRequest(rows, "status"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "r1",
                        "ok",
                        "r2",
                        "ok",
                        "r3",
                        "rejected",
                        "r4",
                        "incomplete",
                        "r5",
                        "ok",
                        "r6",
                        "ok",
                        "r7",
                        "ok")));
        assertThat(byRequest(rows, "date"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "r1", DEC_1, "r2", DEC_1, "r3", DEC_1, "r4", DEC_1, "r5", DEC_2, "r6", DEC_2, "r7", DEC_2)));
        assertThat(byRequest(rows, "segment_id"))
                .containsEntry("r1", A.toString())
                .containsEntry("r2", B.toString())
                .containsEntry("r4", A.toString())
                .containsEntry("r7", C.toString());
        assertThat(byRequest(rows, "batch")).containsEntry("r1", false).containsEntry("r7", true);
        assertThat(byRequest(rows, "service_tier")).containsEntry("r1", null).containsEntry("r7", "batch");
        Map<String, Object> r4 = rows.get(3);
        assertThat(r4.get("cost_status")).isEqualTo("none");
        assertThat((BigDecimal) r4.get("cost_usd")).isEqualByComparingTo("0");
        assertThat(r4.get("input_tokens")).isEqualTo(0L);
        assertThat(r4.get("completed_at")).isNull();
        assertThat(rows.get(1).get("created_at")).isEqualTo(OffsetDateTime.parse("2026-12-01T23:59:59.500Z"));
        assertThat(rows.get(1).get("completed_at")).isEqualTo(OffsetDateTime.parse("2026-12-02T00:00:01.500Z"));

        // and the lake types are the contract's, files are named after segments, nothing else lies around
        Map<String, Object> types = new TreeMap<>();
        LakeReader.query("DESCRIBE SELECT * FROM " + LakeReader.usage(LAKE))
                .forEach(r -> types.put((String) r.get("column_name"), r.get("column_type")));
        assertThat(types)
                .containsEntry("created_at", "TIMESTAMP WITH TIME ZONE")
                .containsEntry("completed_at", "TIMESTAMP WITH TIME ZONE")
                .containsEntry("cost_usd", "DECIMAL(18,12)")
                .containsEntry("input_tokens", "BIGINT")
                .containsEntry("service_tier", "VARCHAR")
                .containsEntry("batch", "BOOLEAN")
                .containsEntry("date", "DATE");
        assertThat(LakeReader.fileHashes(LAKE).keySet())
                .containsExactly(
                        "_rejects/rollup/node2-000000000001.rejects",
                        "usage/date=2026-12-01/part-node1-000000000001.parquet",
                        "usage/date=2026-12-01/part-node1-000000000002.parquet",
                        "usage/date=2026-12-02/part-node1-000000000002.parquet",
                        "usage/date=2026-12-02/part-node2-000000000001.parquet");
        assertThat(jdbc.sql("SELECT segment_id, row_count FROM rolled_segment ORDER BY segment_id")
                        .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
                        .list())
                .containsExactly("node1-000000000001=3", "node1-000000000002=2", "node2-000000000001=2");
    }

    @Test
    void aTornLineGoesToTheRejectFileWithItsLineNumberAndTheRestIsRolled() throws Exception {
        // when
        runRollup(1);

        // then line 2 of node2-1 is rejected, and its lines 1 and 3 are rows
        List<String> rejects = Files.readAllLines(LAKE.resolve("_rejects/rollup/node2-000000000001.rejects"));
        assertThat(rejects).hasSize(2);
        assertThat(rejects.get(0)).isEqualTo("segment\tline\treason");
        assertThat(rejects.get(1)).startsWith("node2-000000000001\t2\t");
        assertThat(rejects.get(1).split("\t")).hasSize(3);
        assertThat(LakeReader.query("SELECT request_id FROM " + LakeReader.usage(LAKE)
                        + " WHERE segment_id = 'node2-000000000001' ORDER BY request_id"))
                .extracting(r -> r.get("request_id"))
                .containsExactly("r6", "r7");
    }

    @Test
    void aSecondRunAddsNoRowsAndLeavesEveryFileAsItWas() throws Exception {
        // given a completed run
        runRollup(1);
        Map<String, String> before = LakeReader.fileHashes(LAKE);

        // when the job runs again as a new instance
        JobExecution again = runRollup(2);

        // then nothing was rolled and no file changed
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(again.getStepExecutions()
                        .iterator()
                        .next()
                        .getExecutionContext()
                        .getLong("segments"))
                .isZero();
        assertThat(LakeReader.rows(LAKE)).hasSize(7);
        assertThat(LakeReader.fileHashes(LAKE)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM rolled_segment")
                        .query(Long.class)
                        .single())
                .isEqualTo(3L);
    }

    @Test
    void aRunKilledBeforeTheManifestAndRunAgainGivesTheRowsOfOneCleanRun() throws Exception {
        // given the rows of a clean run, kept in another lake directory
        runRollup(1);
        Path cleanLake = ROOT.resolve("clean-lake");
        FileSystemUtils.copyRecursively(LAKE, cleanLake);
        FileSystemUtils.deleteRecursively(LAKE);
        jdbc.sql("DELETE FROM rolled_segment").update();

        // and an attempt that wrote parts for node1-1 (in a date its rows do not have, too) and died before the
        // manifest, leaving a half-written temporary of node1-2 behind
        UsageRow strayRow = UsageRow.incomplete(admission("ghost", Instant.parse("2020-01-01T00:00:00Z")), A);
        partFiles.publish(new SegmentOutcome.Rolled(
                A,
                new TreeMap<>(Map.of(LocalDate.parse("2020-01-01"), List.of(strayRow), DEC_1, List.of(strayRow))),
                List.of(new RejectedLine(SPOOL.resolve("x"), 1, "stale"))));
        Path strayTemp = LAKE.resolve("usage/date=2026-12-02/.part-node1-000000000002.parquet.tmp");
        Files.createDirectories(strayTemp.getParent());
        Files.writeString(strayTemp, "PAR1 half a file");

        // when the rollup runs again
        JobExecution rerun = runRollup(2);

        // then the lake holds exactly the clean run's rows and files
        assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(LakeReader.rows(LAKE)).isEqualTo(LakeReader.rows(cleanLake));
        assertThat(LakeReader.fileHashes(LAKE).keySet())
                .isEqualTo(LakeReader.fileHashes(cleanLake).keySet());
        assertThat(strayTemp).doesNotExist();
        assertThat(LAKE.resolve("usage/date=2020-01-01/part-node1-000000000001.parquet"))
                .doesNotExist();
    }

    @Test
    void aFailedRunRestartsUnderTheSameInstanceAndFinishesTheRemainingSegments() throws Exception {
        // given the date=2026-12-02 partition blocked by a plain file, so node1-2 cannot be written
        Path blocker = LAKE.resolve("usage/date=2026-12-02");
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "not a directory");
        Command jobsRun = commands.stream()
                .filter(c -> c.name().equals("jobs run"))
                .findFirst()
                .orElseThrow();

        // when the first run fails after committing node1-1
        int firstExit = jobsRun.run(List.of("rollup", "--as-of", AS_OF));

        // then
        assertThat(firstExit).isEqualTo(1);
        assertThat(jdbc.sql("SELECT segment_id FROM rolled_segment")
                        .query(String.class)
                        .list())
                .containsExactly(A.toString());

        // when the partition is unblocked and the command runs again, without --as-of
        Files.delete(blocker);
        int secondExit = jobsRun.run(List.of("rollup"));

        // then it restarted the same instance with its original asOf, and the lake is complete
        assertThat(secondExit).isZero();
        var instance = repository.getLastJobInstance(RollupUsageJobConfiguration.JOB_NAME);
        List<JobExecution> executions = repository.getJobExecutions(instance);
        assertThat(executions).hasSize(2);
        assertThat(executions)
                .allSatisfy(
                        e -> assertThat(e.getJobParameters().getString("asOf")).isEqualTo(AS_OF));
        assertThat(repository.getJobInstances(RollupUsageJobConfiguration.JOB_NAME, 0, 10))
                .hasSize(1);
        assertThat(LakeReader.rows(LAKE))
                .extracting(r -> r.get("request_id"))
                .containsExactly("r1", "r2", "r3", "r4", "r5", "r6", "r7");
    }

    private static Map<String, Object> byRequest(List<Map<String, Object>> rows, String column) {
        Map<String, Object> values = new TreeMap<>();
        rows.forEach(r -> values.put((String) r.get("request_id"), r.get(column)));
        return values;
    }

    private static Path tempRoot() {
        try {
            return Files.createTempDirectory("rollup-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
