package dev.budgetguard.reports.spend;

import dev.budgetguard.reports.lake.DuckDbLake;
import dev.budgetguard.reports.lake.EmptyLakeException;
import dev.budgetguard.reports.lake.LakeQueries;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spend per tenant and model over a period, ordered by tenant then model.
 *
 * @param lines one per (tenant, model) that had forwarded requests in the period; empty when none did
 */
public record SpendReport(SpendPeriod period, List<SpendLine> lines) {

    private static final Logger log = LoggerFactory.getLogger(SpendReport.class);

    static final String SPEND_BETWEEN = "SELECT tenant_id, model, requests, input_tokens, cached_input_tokens,"
            + " output_tokens, cost_usd, unpriced_requests FROM spend_between(?, ?)";

    public SpendReport {
        Objects.requireNonNull(period, "period");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }

    /**
     * The report for whole UTC days {@code from} through {@code toInclusive} of the lake at {@code lake}, as {@code
     * report spend --from --to} asks for it.
     *
     * @throws EmptyLakeException when the lake has no usage files at all
     */
    public static SpendReport run(Path lake, LocalDate from, LocalDate toInclusive) {
        SpendPeriod period = SpendPeriod.utcDays(from, toInclusive);
        try (DuckDbLake session = DuckDbLake.open(lake)) {
            return of(session, period);
        }
    }

    /**
     * The report over an open lake.
     *
     * @throws EmptyLakeException when the lake has no usage files at all
     */
    public static SpendReport of(LakeQueries lake, SpendPeriod period) {
        long files = lake.usageFileCount();
        if (files == 0) {
            throw new EmptyLakeException(lake.root());
        }
        List<SpendLine> lines = lake.select(
                SPEND_BETWEEN,
                row -> new SpendLine(
                        row.getString(1),
                        row.getString(2),
                        row.getLong(3),
                        row.getLong(4),
                        row.getLong(5),
                        row.getLong(6),
                        row.getBigDecimal(7),
                        row.getLong(8)),
                period.from(),
                period.until());
        SpendReport report = new SpendReport(period, lines);
        log.info(
                "spend report from={} until={} lake={} files={} lines={} requests={} costUsd={} unpriced={}",
                period.from(),
                period.until(),
                lake.root(),
                files,
                lines.size(),
                report.requests(),
                report.costUsd().toPlainString(),
                report.unpricedRequests());
        return report;
    }

    public long requests() {
        return lines.stream().mapToLong(SpendLine::requests).sum();
    }

    /** Exact sum of the known costs of all lines. */
    public BigDecimal costUsd() {
        return lines.stream().map(SpendLine::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public long unpricedRequests() {
        return lines.stream().mapToLong(SpendLine::unpricedRequests).sum();
    }

    /** The report as a plain-text table for a terminal, ending with a newline. */
    public String render() {
        return SpendTable.render(this);
    }
}
