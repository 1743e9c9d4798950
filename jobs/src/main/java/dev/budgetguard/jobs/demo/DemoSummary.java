package dev.budgetguard.jobs.demo;

import dev.budgetguard.reports.lake.DuckDbLake;
import dev.budgetguard.reports.spend.SpendPeriod;
import dev.budgetguard.reports.spend.SpendReport;
import dev.budgetguard.schemas.spool.SpoolLayout;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;

/** What the demo prints: where the data went, what DuckDB reads back, and the analyst's next command. */
final class DemoSummary {

    private static final Instant SAMPLE_START = Instant.parse("2026-11-01T00:00:00Z");

    private final Path spool;
    private final Path lake;
    private final Path sample;
    private final Duration shift;

    DemoSummary(Path spool, Path lake, Path sample, Duration shift) {
        this.spool = spool.toAbsolutePath().normalize();
        this.lake = lake;
        this.sample = sample;
        this.shift = shift;
    }

    void print(int requests, long records, JobExecution rollup, PrintStream out) {
        SpendPeriod period = new SpendPeriod(SAMPLE_START.plus(shift), DemoCommand.SAMPLE_END.plus(shift));
        try (DuckDbLake duck = DuckDbLake.open(lake)) {
            List<long[]> counts = duck.select(
                    "SELECT count(*), count(*) FILTER (WHERE status = 'incomplete'), count(DISTINCT \"date\"),"
                            + " count(*) FILTER (WHERE status = 'rejected') FROM usage",
                    row -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)});
            long[] c = counts.get(0);
            SpendReport spend = SpendReport.of(duck, period);
            out.println();
            out.println(
                    "BudgetGuard demo: " + requests + " sample requests from " + sample + " went through the spool,");
            out.println("the price book and rollupUsageJob into the Parquet lake, and back out through DuckDB.");
            out.println(
                    shift.isZero()
                            ? "Timestamps are as recorded (November 2026)."
                            : "Timestamps are shifted by " + describe(shift)
                                    + " so the sample's last hour is the hour before"
                                    + " now (--as-recorded keeps November 2026).");
            out.println();
            out.println("  spool   " + spool + "  ("
                    + new SpoolLayout(spool).sealedSegments().size() + " sealed segments, " + records + " records)");
            out.println("  rollup  " + rollup.getJobInstance().getJobName() + " execution " + rollup.getId() + " "
                    + rollup.getStatus() + ": " + c[0] + " rows: " + c[3] + " refusals (not billed), " + c[1]
                    + " incomplete (admitted, never completed)");
            out.println("  lake    " + lake.resolve("usage") + "/date=YYYY-MM-DD/part-<segment>.parquet  ("
                    + duck.usageFileCount() + " files in " + c[2] + " daily partitions)");
            out.println();
            out.println(spend.render());
            out.println("Next, the audit query in plain DuckDB (the CLI, no BudgetGuard code), within the hour:");
            out.println("  " + analystCommand());
        }
    }

    String analystCommand() {
        return "duckdb -init reports/sql/views.sql -cmd \"SET VARIABLE lake = '" + lake + "'\""
                + " -c \"SELECT tenant_id, model, input_tokens, output_tokens, cost_usd, created_at"
                + " FROM \\\"UsageLedger\\\" WHERE tenant_id = 'cinder-retail'"
                + " AND created_at > NOW() - INTERVAL '1 hour' ORDER BY created_at DESC;\"";
    }

    private static String describe(Duration d) {
        return String.format("%dd %02dh %02dm", d.toDays(), d.toHoursPart(), d.toMinutesPart());
    }
}
