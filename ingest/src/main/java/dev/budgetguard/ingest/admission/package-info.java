/**
 * Hard spending caps decided in memory on the proxy's hot path: budgets over local-calendar periods in the tenant's
 * time zone, and a reservation ledger that admits a request only if its worst-case cost fits every active budget, holds
 * that cost until the request ends, then replaces it with the actual cost. Exact {@link java.math.BigDecimal} money, no
 * database call, no overshoot under concurrency.
 */
package dev.budgetguard.ingest.admission;
