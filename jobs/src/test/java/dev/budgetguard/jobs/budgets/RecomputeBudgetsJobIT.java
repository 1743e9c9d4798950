package dev.budgetguard.jobs.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.jobs.JobsApplication;
import dev.budgetguard.schemas.spool.SegmentId;
import dev.budgetguard.schemas.spool.SpoolLayout;
import dev.budgetguard.schemas.usage.Cost;
import dev.budgetguard.schemas.usage.CostStatus;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageRecordCodec;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The budget snapshot from a real rollup of a known spool: every counting rule (priced, estimated, unpriced, refused,
 * an orphan admission's estimate), windows in three zones, a deferred segment left out by the watermark, exact money,
 * and a rerun writing the same numbers.
 */
@SpringBootTest(classes = JobsApplication.class)
@Import(RecomputeBudgetsJobIT.FixedClock.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:recompute-budgets-it;DB_CLOSE_DELAY=-1")
class RecomputeBudgetsJobIT {

    private static final Path ROOT = tempRoot();
    private static final Path SPOOL = ROOT.resolve("spool");
    private static final Path LAKE = ROOT.resolve("lake");
    private static final String AS_OF = "2026-12-03T12:00:00Z";
    private static final Instant NOW = Instant.parse("2026-12-03T12:30:00Z");

    /** The job's run time, so which windows run through now never depends on the wall clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

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
    Job recomputeBudgetsJob;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void knownSpoolAndBudgets() throws IOException {
        FileSystemUtils.deleteRecursively(SPOOL);
        FileSystemUtils.deleteRecursively(LAKE);
        for (String table : List.of(
                "budget_snapshot_spend",
                "budget_snapshot_watermark",
                "budget_snapshot",
                "rolled_segment",
                "budget",
                "tenant")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        new JobRepositoryTestUtils(repository).removeJobExecutions();
        tenant("acme");
        tenant("globex");
        budget("utc-month", "acme", "monthly", null, null, "100", "UTC", null);
        budget("berlin-day", "acme", "daily", null, null, "5", "Europe/Berlin", null);
        budget("kolkata-week", "globex", "weekly", null, null, "50", "Asia/Kolkata", null);
        budget("gone", "acme", "daily", null, null, "5", "UTC", "2026-12-01T00:00:00Z");
        budget("november", "acme", "custom", "2026-11-01", "2026-11-15", "5", "UTC", null);
        writeSpool();
    }

    /**
     * node1-1: a1 $0.40 priced, a2 $0.20 just before Berlin midnight, a3 unpriced, a4 refused, a5 admitted with a
     * $0.07 estimate and never completed, g1 globex $1.000000000001; node1-2: a6 usage missing, estimated $0.05;
     * node1-3: a8 $9.99 and a7 admitted within the completion horizon, so the segment is deferred; node2-1: $0.33.
     */
    private static void writeSpool() {
        UsageRecord a1 = admission("a1", "acme", "2026-12-03T00:30:00Z", null);
        UsageRecord a5 = admission("a5", "acme", "2026-12-03T02:00:00Z", "0.07");
        sealed(
                new SegmentId("node1", 1),
                a1,
                completion(a1, UsageStatus.OK, Cost.priced(new BigDecimal("0.40"), "gpt-4o@2024-05-13")),
                completed("a2", "acme", "2026-12-02T22:59:59Z", Cost.priced(new BigDecimal("0.20"), "p")),
                completed("a3", "acme", "2026-12-03T01:00:00Z", Cost.unpriced()),
                UsageRecord.refusal(
                        "a4",
                        "acme",
                        "openai",
                        "/v1/chat/completions",
                        "gpt-4o",
                        false,
                        Instant.parse("2026-12-03T01:30:00Z"),
                        402,
                        "budget_exceeded"),
                a5,
                completed("g1", "globex", "2026-12-01T10:00:00Z", Cost.priced(new BigDecimal("1.000000000001"), "p")));
        UsageRecord a6 = admission("a6", "acme", "2026-12-03T03:00:00Z", "0.05");
        sealed(new SegmentId("node1", 2), a6, completion(a6, UsageStatus.USAGE_MISSING, estimated("0.05")));
        sealed(
                new SegmentId("node1", 3),
                completed("a8", "acme", "2026-12-03T11:20:00Z", Cost.priced(new BigDecimal("9.99"), "p")),
                admission("a7", "acme", "2026-12-03T11:30:00Z", "0.50"));
        sealed(
                new SegmentId("node2", 1),
                completed("n2", "acme", "2026-12-03T05:00:00Z", Cost.priced(new BigDecimal("0.33"), "p")));
    }

    @Test
    void snapshotHoldsEachActiveWindowsCoveredSpendExactly() throws Exception {
        // given the spool rolled: node1-3 is deferred
        assertThat(run(rollupUsageJob, 1).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // when
        JobExecution first = run(recomputeBudgetsJob, 1);
        JobExecution rerun = run(recomputeBudgetsJob, 2);

        // then
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, String> expected = new TreeMap<>(Map.of(
                "berlin-day 2026-12-02T23:00Z..2026-12-03T23:00Z", "0.850000000000",
                "kolkata-week 2026-11-29T18:30Z..2026-12-06T18:30Z", "1.000000000001",
                "utc-month 2026-12-01T00:00Z..2027-01-01T00:00Z", "1.050000000000"));
        assertThat(spend(1)).isEqualTo(expected);
        assertThat(spend(2)).isEqualTo(expected);
        assertThat(watermark(1)).isEqualTo(Map.of("node1", 2L, "node2", 1L));
        assertThat(watermark(2)).isEqualTo(watermark(1));
        assertThat(jdbc.sql("SELECT as_of FROM budget_snapshot WHERE id = 1")
                        .query(OffsetDateTime.class)
                        .single()
                        .toInstant())
                .isEqualTo(Instant.parse(AS_OF));
    }

    @Test
    void aLakeWithNothingRolledYetGivesEveryActiveWindowZero() throws Exception {
        // when the snapshot is computed before any rollup
        JobExecution execution = run(recomputeBudgetsJob, 1);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(spend(1).values()).containsExactly("0", "0", "0");
        assertThat(watermark(1)).isEmpty();
    }

    @Test
    void anAsOfInNovemberGivesRowsForNovemberAndDecemberWithTheirExactSums() throws Exception {
        // given a Berlin monthly budget with lake rows in November and December (Berlin's December starts 23:00Z)
        FileSystemUtils.deleteRecursively(SPOOL);
        jdbc.sql("DELETE FROM budget").update();
        budget("berlin-month", "acme", "monthly", null, null, "10", "Europe/Berlin", null);
        sealed(
                new SegmentId("node1", 1),
                completed("n1", "acme", "2026-11-10T09:00:00Z", Cost.priced(new BigDecimal("0.25"), "p")),
                completed("n2", "acme", "2026-11-30T22:59:59Z", Cost.priced(new BigDecimal("0.10"), "p")),
                completed("d1", "acme", "2026-11-30T23:00:00Z", Cost.priced(new BigDecimal("0.119016"), "p")));
        assertThat(run(rollupUsageJob, 1).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // when recomputed as of the middle of November, the job running in December
        JobExecution execution = run(recomputeBudgetsJob, 1, "2026-11-15T00:00:00Z");

        // then both windows have a row, so a collector in December never has to guess its covered spend
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(spend(1))
                .isEqualTo(Map.of(
                        "berlin-month 2026-10-31T23:00Z..2026-11-30T23:00Z", "0.350000000000",
                        "berlin-month 2026-11-30T23:00Z..2026-12-31T23:00Z", "0.119016000000"));
        assertThat(watermark(1)).isEqualTo(Map.of("node1", 1L));
    }

    @Test
    void anAsOfLaterThanTheJobsRunTimeFailsTheRunAndWritesNoSnapshot() throws Exception {
        // when
        JobExecution execution = run(recomputeBudgetsJob, 1, NOW.plusSeconds(1).toString());

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.sql("SELECT count(*) FROM budget_snapshot")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    JobExecution run(Job job, long runId) throws Exception {
        return run(job, runId, AS_OF);
    }

    JobExecution run(Job job, long runId, String asOf) throws Exception {
        JobOperatorTestUtils jobs = new JobOperatorTestUtils(operator, repository);
        jobs.setJob(job);
        return jobs.startJob(new JobParametersBuilder()
                .addLong("run.id", runId)
                .addString("asOf", asOf, false)
                .toJobParameters());
    }

    private Map<String, String> spend(long snapshotId) {
        Map<String, String> rows = new TreeMap<>();
        jdbc.sql("SELECT budget_id, window_start, window_end, spent_usd FROM budget_snapshot_spend"
                        + " WHERE snapshot_id = ?")
                .param(snapshotId)
                .query(row -> {
                    rows.put(
                            row.getString(1) + " " + minutes(row.getObject(2, OffsetDateTime.class)) + ".."
                                    + minutes(row.getObject(3, OffsetDateTime.class)),
                            row.getBigDecimal(4).stripTrailingZeros().scale() <= 0
                                    ? row.getBigDecimal(4).stripTrailingZeros().toPlainString()
                                    : row.getBigDecimal(4).setScale(12).toPlainString());
                });
        return rows;
    }

    private static String minutes(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime() + "Z";
    }

    private Map<String, Long> watermark(long snapshotId) {
        Map<String, Long> marks = new TreeMap<>();
        jdbc.sql("SELECT node_id, last_sequence FROM budget_snapshot_watermark WHERE snapshot_id = ?")
                .param(snapshotId)
                .query(row -> {
                    marks.put(row.getString(1), row.getLong(2));
                });
        return marks;
    }

    private void tenant(String id) {
        jdbc.sql("INSERT INTO tenant (id, created_at) VALUES (?, ?)")
                .params(id, OffsetDateTime.parse("2026-11-01T00:00:00Z"))
                .update();
    }

    private void budget(
            String id,
            String tenant,
            String period,
            String customStart,
            String customEnd,
            String limit,
            String zone,
            String deletedAt) {
        jdbc.sql("INSERT INTO budget (id, tenant_id, period, custom_start, custom_end, limit_usd, time_zone,"
                        + " thresholds, created_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        tenant,
                        period,
                        customStart == null ? null : java.sql.Date.valueOf(customStart),
                        customEnd == null ? null : java.sql.Date.valueOf(customEnd),
                        new BigDecimal(limit),
                        zone,
                        "50,80,100",
                        OffsetDateTime.parse("2026-11-01T00:00:00Z"),
                        deletedAt == null ? null : OffsetDateTime.parse(deletedAt))
                .update();
    }

    private static UsageRecord admission(String id, String tenant, String at, String estimate) {
        UsageRecord plain =
                UsageRecord.admission(id, tenant, "openai", "/v1/chat/completions", "gpt-4o", false, Instant.parse(at));
        if (estimate == null) {
            return plain;
        }
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
                estimated(estimate),
                0,
                null);
    }

    private static Cost estimated(String amount) {
        return new Cost(new BigDecimal(amount), CostStatus.ESTIMATED, null);
    }

    private static UsageRecord completion(UsageRecord admission, UsageStatus status, Cost cost) {
        return admission.complete(
                admission.createdAt().plusSeconds(2), status, 200, TokenUsage.of(100, 10), cost, 1000, null);
    }

    private static UsageRecord completed(String id, String tenant, String at, Cost cost) {
        return completion(admission(id, tenant, at, null), UsageStatus.OK, cost);
    }

    private static void sealed(SegmentId segment, UsageRecord... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (UsageRecord record : records) {
            out.writeBytes(UsageRecordCodec.encode(record));
        }
        try {
            Files.createDirectories(SPOOL);
            Files.write(new SpoolLayout(SPOOL).sealed(segment), out.toByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path tempRoot() {
        try {
            return Files.createTempDirectory("recompute-budgets-it");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
