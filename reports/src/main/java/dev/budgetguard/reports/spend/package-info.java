/**
 * The spend report: requests, tokens and exact cost per tenant and model over a period, as the CLI's {@code report
 * spend} prints it. It runs the lake's {@code spend_between} macro, so the figures are the ones an analyst gets from the
 * same views; refusals are not spend, and requests without a price are counted apart instead of priced at $0.
 */
package dev.budgetguard.reports.spend;
