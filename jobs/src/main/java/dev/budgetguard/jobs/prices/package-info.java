/**
 * {@code prices import-litellm FILE --effective DATE}: reads LiteLLM's {@code model_prices_and_context_window.json}
 * (per-token USD, converted to per 1M exactly from the JSON text) for the providers BudgetGuard meters, and writes a
 * new version of each changed price into the shared {@code model_price} table from that day on. A malformed entry is
 * rejected with its key and reason while the rest import; unknown fields are ignored and counted.
 */
package dev.budgetguard.jobs.prices;
