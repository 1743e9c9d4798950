/**
 * Opens the collector's spool (the segmented file usage log from {@code schemas}) from {@code budgetguard.spool},
 * reports what recovery found at start, closes it after the server has stopped, and exposes its counters as metrics.
 */
package dev.budgetguard.ingest.proxy.spool;
