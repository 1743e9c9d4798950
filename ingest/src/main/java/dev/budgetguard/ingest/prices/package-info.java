/**
 * The collector's price book: versions in the shared {@code model_price} table (seeded from the bundled table when
 * empty), an in-memory snapshot that the proxy prices every request with, swapped whole after an admin change on this
 * node and re-read on a fixed delay for changes made elsewhere (another node, the LiteLLM import), and the rules of a
 * price change: a new version starts after the current one and closes it; history is never rewritten.
 */
package dev.budgetguard.ingest.prices;
