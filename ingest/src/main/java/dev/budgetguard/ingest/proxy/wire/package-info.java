/**
 * Provider-neutral pieces of reading provider wire formats on the hot path: the strict request-body reader every route
 * shares (UTF-8 only, no repeated keys, plausible model ids), the backward scan that finds a member of a JSON root
 * object without parsing the rest, the {@code event:} field of an SSE event, and plausibility-capped token counts.
 */
package dev.budgetguard.ingest.proxy.wire;
