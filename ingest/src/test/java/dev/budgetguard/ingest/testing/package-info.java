/**
 * Reusable test parts for the collector and the end-to-end tests that run it (shipped in ingest's test-jar): a fake
 * OpenAI upstream speaking the real wire format, SSE included; golden replies of every provider and route (whole and
 * streamed) with an upstream that serves them and a probe that meters them through the real {@code Metering}; a
 * fixed-map tenant authenticator, a reader for the records a spool directory holds, and an embedded PostgreSQL
 * server per test class for the database-backed tests.
 */
package dev.budgetguard.ingest.testing;
