/**
 * {@code Idempotency-Key} support: per tenant and key, a repeat of a completed request is answered from the first
 * result (status, content type, the exact bytes relayed) and billed once; a repeat while the first is in flight gets
 * 409. Kept per node, in bounded memory, for a configurable time (24 h by default).
 */
package dev.budgetguard.ingest.proxy.idempotency;
