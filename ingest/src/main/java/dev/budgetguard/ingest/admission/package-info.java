/**
 * Hard spending caps decided in memory on the proxy's hot path: budgets over local-calendar periods in the tenant's
 * time zone, a request's worst-case cost estimated before it is forwarded (prompt tokens counted with OpenAI's
 * tokenizer or bounded by bytes, at the dearest input-side rate, plus the output bound), and a reservation ledger that
 * admits a request only if that cost fits every active budget, holds it until the request ends, then replaces it with
 * the actual cost. Exact {@link java.math.BigDecimal} money, no database call, no overshoot under concurrency.
 */
package dev.budgetguard.ingest.admission;
