/**
 * List prices and how a request is priced: effective-dated versions per model in USD per 1M tokens (standard rates, an
 * optional long-context tier that reprices the whole request above a size, a batch discount), the bundled table, the
 * one model alias table, and exact BigDecimal cost of normalized token counts. A model without a price in force is
 * unpriced, never $0.
 */
package dev.budgetguard.schemas.pricing;
