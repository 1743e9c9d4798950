/**
 * The admin HTTP API under {@code /admin/**}, compatible with the original BudgetGuard: tenants, their keys (issue,
 * rotate with a grace, revoke), budgets and rate limits, the versioned price book, and the audit log. Every route
 * needs {@code X-Admin-Key}, checked in constant time; admin and docs responses carry restrictive security headers
 * (HSTS over TLS); every error, expected or not, is OpenAI-shaped JSON without internals; every change is audited in
 * the transaction that makes it.
 */
package dev.budgetguard.ingest.admin;
