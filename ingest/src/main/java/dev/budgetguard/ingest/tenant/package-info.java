/**
 * Tenants, their API keys, budgets and rate limits: the stored control-plane records, the administration operations
 * on them (each audited in its own transaction), and what the hot path reads from memory: the directory that
 * authenticates proxy calls without touching the database, and the caps it feeds into the spend ledger and the rate
 * limiter at start, after every local change and on every poll. Keys exist in clear text only in the response that
 * issues them; everywhere else they are a SHA-256 hash and a short display prefix.
 */
package dev.budgetguard.ingest.tenant;
