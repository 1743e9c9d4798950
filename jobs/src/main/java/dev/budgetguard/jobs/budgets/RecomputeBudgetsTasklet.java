package dev.budgetguard.jobs.budgets;

import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetWindow;
import dev.budgetguard.schemas.spool.SegmentId;
import dev.budgetguard.schemas.spool.SpoolLayout;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole {@code recomputeBudgetsStep} in one transaction: live budgets, the watermark, the covered spend of each
 * budget's windows from the one active at {@code asOf} through the one active now, one new snapshot. Nothing is kept between attempts, so a failed run restarts from scratch
 * and a rerun over the same lake and manifest writes the same numbers. Not final: the step-scoped bean is proxied.
 */
class RecomputeBudgetsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RecomputeBudgetsTasklet.class);

    private final JdbcClient jdbc;
    private final LiveBudgets budgets;
    private final SnapshotWriter writer;
    private final SpoolLayout spool;
    private final Path lake;
    private final Clock clock;
    private final Instant asOf;

    RecomputeBudgetsTasklet(
            JdbcClient jdbc,
            LiveBudgets budgets,
            SnapshotWriter writer,
            SpoolLayout spool,
            Path lake,
            Clock clock,
            Instant asOf) {
        this.jdbc = jdbc;
        this.budgets = budgets;
        this.writer = writer;
        this.spool = spool;
        this.lake = lake;
        this.clock = clock;
        this.asOf = asOf;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<Budget> live = budgets.all();
        Map<String, Long> watermarks = Watermarks.of(rolledSegments(), segmentsInSpool());
        Instant now = clock.instant();
        if (asOf.isAfter(now)) {
            throw new IllegalArgumentException("asOf: " + asOf + " is later than now " + now);
        }
        List<WindowSpend> rows = List.of();
        Optional<BudgetWindow> span = BudgetSpendCalculator.span(live, asOf, now);
        if (span.isPresent()) {
            try (LakeSpend spend = new LakeSpend(lake, watermarks)) {
                rows = BudgetSpendCalculator.rows(live, asOf, now, spend.buckets(span.get()), spend::exact);
            }
        }
        long jobExecutionId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        long id = writer.write(now, asOf, jobExecutionId, watermarks, rows);
        BigDecimal total = rows.stream().map(WindowSpend::spentUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        var context = contribution.getStepExecution().getExecutionContext();
        context.putLong("snapshot", id);
        context.putLong("budgets", live.size());
        context.putLong("windows", rows.size());
        context.putLong("nodes", watermarks.size());
        log.info(
                "budget_snapshot_written snapshot_id={} as_of={} budgets={} windows={} watermarks={} spent_usd={}",
                id,
                asOf,
                live.size(),
                rows.size(),
                watermarks,
                total.toPlainString());
        return RepeatStatus.FINISHED;
    }

    private List<SegmentId> rolledSegments() {
        return jdbc.sql("SELECT segment_id FROM rolled_segment").query(String.class).list().stream()
                .map(SegmentId::parse)
                .toList();
    }

    private List<SegmentId> segmentsInSpool() {
        List<SegmentId> present = new ArrayList<>(spool.sealedSegments());
        present.addAll(spool.openSegments());
        return present;
    }
}
