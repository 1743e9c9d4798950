/**
 * The demo: sample traffic replayed through the real spool writer, price book and rollup job into a lake of its own
 * under {@code data/demo}, then read back through the analysts' DuckDB views, so a newcomer sees the whole metered
 * path run with no provider and no setup.
 */
package dev.budgetguard.jobs.demo;
