/**
 * The collector's side of the budget snapshot: it loads the newest snapshot the {@code recomputeBudgetsJob} wrote at
 * start and polls for a newer one, applies it to the {@link dev.budgetguard.ingest.admission.SpendLedger} as baselines,
 * and keeps this node's own cap spend per spool segment so that the part a new watermark covers leaves the node's
 * running total exactly once. On start it rebuilds that spend from the spool past the watermark, so a cap stays exact
 * across a crash.
 */
package dev.budgetguard.ingest.snapshot;
