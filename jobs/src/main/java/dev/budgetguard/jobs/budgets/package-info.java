/**
 * The {@code recomputeBudgetsJob}: from the lake, through DuckDB, each live budget's spend in its window active at the
 * run's {@code asOf}, counted by the one cap-spend rule over the rows of segments the watermark covers (per node, the
 * rolled prefix of its sequence), written as one budget snapshot with its watermark in one transaction; and the Quartz
 * schedule that runs the rollup and then this job every few minutes under {@code jobs schedule}.
 */
package dev.budgetguard.jobs.budgets;
