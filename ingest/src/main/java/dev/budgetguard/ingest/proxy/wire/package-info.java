/**
 * Provider-neutral pieces of reading provider wire formats on the hot path: the strict request-body reader every route
 * shares (UTF-8 only, no repeated keys, plausible model ids), the backward scan that finds a member of a response's
 * root object without parsing the rest, plausibility-capped token counts, and the normalized usage a provider reported
 * together with its service tier.
 */
package dev.budgetguard.ingest.proxy.wire;
