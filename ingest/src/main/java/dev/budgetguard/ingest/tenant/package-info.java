/**
 * Tenants and their API keys: the stored control-plane records, the administration operations on them, and the
 * in-memory directory that authenticates proxy calls without touching the database. Keys exist in clear text only in
 * the response that issues them; everywhere else they are a SHA-256 hash and a short display prefix.
 */
package dev.budgetguard.ingest.tenant;
