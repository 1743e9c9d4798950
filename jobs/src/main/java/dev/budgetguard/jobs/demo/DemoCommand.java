package dev.budgetguard.jobs.demo;

import dev.budgetguard.jobs.cli.Command;
import dev.budgetguard.jobs.cli.CommandException;
import dev.budgetguard.jobs.cli.CommandOptions;
import dev.budgetguard.jobs.lake.LakeProperties;
import dev.budgetguard.jobs.report.LocalLake;
import dev.budgetguard.jobs.rollup.SpoolProperties;
import dev.budgetguard.schemas.pricing.BundledPrices;
import dev.budgetguard.schemas.spool.FsyncPolicy;
import dev.budgetguard.schemas.spool.SegmentedFileUsageLog;
import dev.budgetguard.schemas.spool.SpoolSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code demo}: the main job on the embedded defaults, with no provider and no setup. Replays the sample traffic
 * through the real spool writer and price book, runs the real {@code rollupUsageJob}, reads the lake back through the
 * analysts' DuckDB views and prints where everything is.
 *
 * <p>By default the sample's timestamps are shifted so that its last hour is the hour before now, so "the last hour"
 * queries (the audit query among them) find rows; {@code --as-recorded} keeps November 2026.
 */
@Component
@Profile(DemoWorkspace.PROFILE)
class DemoCommand implements Command {

    static final Instant SAMPLE_END = Instant.parse("2026-12-01T00:00:00Z");
    /** Small segments, so that the demo also shows requests whose completion landed in the next segment. */
    private static final long DEMO_SEGMENT_BYTES = 512 * 1024;

    private final SpoolProperties spool;
    private final LakeProperties lake;
    private final Job rollup;
    private final JobOperator operator;
    private final Clock clock;

    DemoCommand(
            SpoolProperties spool,
            LakeProperties lake,
            @Qualifier("rollupUsageJob") Job rollup,
            JobOperator operator,
            Clock clock) {
        this.spool = spool;
        this.lake = lake;
        this.rollup = rollup;
        this.operator = operator;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String usage() {
        return "[--sample sample-data/traffic.ndjson] [--as-recorded]";
    }

    @Override
    public int run(List<String> args) throws Exception {
        CommandOptions options = CommandOptions.parse(args).requireOnly(Set.of("sample", "as-recorded"));
        Path sample = Path.of(options.value("sample").orElse("sample-data/traffic.ndjson"));
        if (!Files.isRegularFile(sample)) {
            throw new CommandException("no sample traffic at " + sample.toAbsolutePath()
                    + "; run from the project root or pass --sample PATH");
        }
        Instant now = clock.instant();
        Duration shift = options.flag("as-recorded")
                ? Duration.ZERO
                : Duration.between(
                        SAMPLE_END, now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1)));
        List<SampleLine> lines = SampleTraffic.read(sample);
        long records = replay(lines, shift);
        JobExecution execution = operator.start(
                rollup,
                new JobParametersBuilder()
                        .addLong("run.id", now.toEpochMilli())
                        .addString("asOf", now.toString(), false)
                        .toJobParameters());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new CommandException("rollupUsageJob ended " + execution.getStatus() + "; see the log above");
        }
        new DemoSummary(spool.dir(), LocalLake.of(lake), sample, shift)
                .print(lines.size(), records, execution, System.out);
        return 0;
    }

    private long replay(List<SampleLine> lines, Duration shift) {
        SpoolSettings defaults = SpoolSettings.defaults(spool.dir());
        SpoolSettings settings = new SpoolSettings(
                spool.dir(),
                "demo",
                DEMO_SEGMENT_BYTES,
                Duration.ofDays(1),
                FsyncPolicy.NEVER,
                defaults.fsyncInterval(),
                lines.size() * 2 + 16);
        try (SegmentedFileUsageLog log = SegmentedFileUsageLog.open(settings, clock)) {
            return new SampleReplay(BundledPrices.priceBook(), shift).replay(lines, log);
        }
    }
}
