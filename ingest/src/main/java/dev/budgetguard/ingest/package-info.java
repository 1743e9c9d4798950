/**
 * The collector: an OpenAI-compatible endpoint that authenticates tenants, forwards their calls, meters the answers
 * and spools one durable record per request, with the control plane (tenants, keys, admin API) beside it. The proxy's
 * hot path makes no database or network call of ours.
 */
package dev.budgetguard.ingest;
