package dev.budgetguard.reports.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.budgetguard.reports.lake.EmptyLakeException;
import dev.budgetguard.reports.lake.LakeFixture;
import dev.budgetguard.reports.lake.LakeFixture.Row;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpendReportIT {

    private static final LocalDate NOV_1 = LocalDate.parse("2026-11-01");
    private static final LocalDate NOV_30 = LocalDate.parse("2026-11-30");

    @TempDir
    Path lake;

    @BeforeEach
    void givenNovemberWithRowsOnBothSidesOfItsBoundaries() throws Exception {
        LakeFixture.write(
                lake,
                "node-000000000001",
                List.of(
                        Row.ok("before", "acme", "gpt-4o", at("2026-10-31T23:59:59.999999Z"), 5, 5, "1"),
                        Row.ok("first", "acme", "gpt-4o", at("2026-11-01T00:00:00Z"), 1000, 100, "0.003750000001")
                                .cached(400),
                        Row.ok("mid", "acme", "gpt-4o", at("2026-11-15T12:00:00Z"), 2000, 300, "0.008000000002"),
                        Row.unpriced("preview", "acme", "gpt-4.5-preview", at("2026-11-16T08:00:00Z"), 50, 20),
                        Row.refusal("refused", "acme", at("2026-11-16T09:00:00Z")),
                        Row.ok("last", "borealis", "o4-mini", at("2026-11-30T23:59:59.999999Z"), 10, 1000, "0.004411"),
                        Row.ok("after", "borealis", "o4-mini", at("2026-12-01T00:00:00Z"), 5, 5, "1")));
        LakeFixture.write(
                lake,
                "node-000000000002",
                List.of(Row.ok("second-file", "acme", "gpt-4o", at("2026-11-15T13:00:00Z"), 1, 1, "0.000000000001")));
    }

    @Test
    void bothDaysOfTheRangeAreIncludedAndNothingOutsideIt() {
        // when
        SpendReport report = SpendReport.run(lake, NOV_1, NOV_30);

        // then: exact sums (no float), the refusal left out, the unpriced model counted apart with no cost
        assertThat(report.lines())
                .containsExactly(
                        new SpendLine("acme", "gpt-4.5-preview", 1, 50, 0, 20, cost("0"), 1),
                        new SpendLine("acme", "gpt-4o", 3, 3001, 400, 401, cost("0.011750000004"), 0),
                        new SpendLine("borealis", "o4-mini", 1, 10, 0, 1000, cost("0.004411"), 0));
        assertThat(report.costUsd()).isEqualByComparingTo("0.016161000004");
        assertThat(report.requests()).isEqualTo(5);
        assertThat(report.unpricedRequests()).isEqualTo(1);
    }

    @Test
    void aOneDayRangeIsThatUtcDayOnly() {
        // when
        SpendReport report = SpendReport.run(lake, LocalDate.parse("2026-10-31"), LocalDate.parse("2026-10-31"));

        // then
        assertThat(report.lines()).containsExactly(new SpendLine("acme", "gpt-4o", 1, 5, 0, 5, cost("1"), 0));
    }

    @Test
    void aPeriodWithoutUsageIsAnEmptyReport() {
        // when
        SpendReport report = SpendReport.run(lake, LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-31"));

        // then
        assertThat(report.lines()).isEmpty();
        assertThat(report.costUsd()).isEqualByComparingTo("0");
        assertThat(report.render())
                .isEqualTo("Spend 2027-01-01 .. 2027-01-31 (UTC, both days included)\n"
                        + "No forwarded requests in this period.\n");
    }

    @Test
    void aLakeWithoutUsageFilesIsRefusedWithAClearMessage(@TempDir Path empty) {
        assertThatThrownBy(() -> SpendReport.run(empty, NOV_1, NOV_30))
                .isInstanceOf(EmptyLakeException.class)
                .hasMessage("no usage data: no files match usage/date=YYYY-MM-DD/part-*.parquet yet; run the rollup"
                        + " first or pass the right lake path (lake " + empty.toAbsolutePath() + ")");
        assertThatThrownBy(() -> SpendReport.run(empty.resolve("typo"), NOV_1, NOV_30))
                .isInstanceOf(EmptyLakeException.class)
                .hasMessageContaining("the lake directory does not exist")
                .hasMessageContaining(empty.resolve("typo").toAbsolutePath().toString());
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static BigDecimal cost(String amount) {
        return new BigDecimal(amount).setScale(12);
    }
}
