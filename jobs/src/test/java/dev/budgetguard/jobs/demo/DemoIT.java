package dev.budgetguard.jobs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.jobs.JobsApplication;
import dev.budgetguard.reports.lake.DuckDbLake;
import dev.budgetguard.reports.spend.SpendPeriod;
import dev.budgetguard.reports.spend.SpendReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The demo over the committed sample traffic, as recorded: every request of {@code sample-data/} lands in the lake once,
 * and the spend report equals the reviewed golden file. A change to pricing, the spool or the rollup that moves a cent
 * shows up here.
 */
class DemoIT {

    static final Path SAMPLE = Path.of("..", "sample-data", "traffic.ndjson");
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "sample-spend-2026-11.txt");

    @TempDir
    Path root;

    @Test
    void sampleMonthRollsUpToTheGoldenSpend() throws Exception {
        // when the demo replays the sample month as recorded
        int exit = SpringApplication.exit(new SpringApplicationBuilder(JobsApplication.class)
                .profiles(DemoWorkspace.PROFILE)
                .run(
                        "--spring.datasource.url=jdbc:h2:file:" + root.resolve("h2/budgetguard"),
                        "--budgetguard.spool.dir=" + root.resolve("spool"),
                        "--budgetguard.lake.uri=" + root.resolve("lake"),
                        "demo",
                        "--sample",
                        SAMPLE.toString(),
                        "--as-recorded"));

        // then every sample line is one row, the two crashed admissions are incomplete
        assertThat(exit).isZero();
        try (DuckDbLake lake = DuckDbLake.open(root.resolve("lake"))) {
            List<long[]> counts = lake.select(
                    "SELECT count(*), count(DISTINCT request_id), count(*) FILTER (WHERE status = 'incomplete'),"
                            + " count(*) FILTER (WHERE status = 'rejected') FROM usage",
                    row -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)});
            assertThat(counts.get(0)).containsExactly(12_568L, 12_568L, 2L, 8L);

            // and the month's spend is the golden one, to the last digit
            SpendReport spend = SpendReport.of(
                    lake, SpendPeriod.utcDays(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
            if (Boolean.getBoolean("golden.update")) {
                // after a reviewed change: ./mvnw -pl jobs verify -Dit.test=DemoIT -Dgolden.update=true
                Files.writeString(GOLDEN, spend.render(), StandardCharsets.UTF_8);
            }
            String golden = Files.readString(GOLDEN, StandardCharsets.UTF_8);
            assertThat(spend.render()).isEqualTo(golden);
            assertThat(spend.costUsd()).isEqualByComparingTo("120.86899405");
            assertThat(spend.unpricedRequests()).isEqualTo(17);
        }
    }
}
