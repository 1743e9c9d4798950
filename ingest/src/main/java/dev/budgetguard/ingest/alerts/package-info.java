/**
 * Budget alerts: when a budget window's settled spend crosses one of its thresholds (a percent of the limit), one
 * event per window and threshold, deduplicated across restarts and nodes by its {@code alert_event} row (inserted
 * before anything is sent), logged, and posted as JSON to an optional webhook with retries, from one background thread
 * behind a bounded queue, so a request never waits for an alert.
 */
package dev.budgetguard.ingest.alerts;
