/**
 * Report commands of the jobs application: they hand the reports module a local lake and print what it computes, so
 * the numbers an operator sees on the command line are the ones analysts get from the same views in DuckDB.
 */
package dev.budgetguard.jobs.report;
