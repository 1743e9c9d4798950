/**
 * The batch side of BudgetGuard: a non-web Spring Boot application whose commands run the Spring Batch jobs (rollup
 * of the spool into the lake today; reconciliation, anomalies and invoices later) against the control plane's
 * database, which also holds the Batch job repository.
 */
package dev.budgetguard.jobs;
