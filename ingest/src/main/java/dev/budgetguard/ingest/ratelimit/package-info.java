/**
 * Per-tenant requests-per-minute and tokens-per-minute limits over a sliding 60-second window: at no instant has a
 * tenant had more than its limit admitted in the preceding minute, so there is no double burst at a window edge.
 * Refusals consume nothing, and a refusal says in whole seconds (rounded up) when enough quota actually frees.
 */
package dev.budgetguard.ingest.ratelimit;
