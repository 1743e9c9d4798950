/**
 * The admin HTTP API under {@code /admin/**}, compatible with the original BudgetGuard: tenants, their keys and rate
 * limits, and the versioned price book. Every route needs {@code X-Admin-Key}, checked in constant time; every response carries restrictive
 * security headers; every error, expected or not, is OpenAI-shaped JSON without internals; every change is audited.
 */
package dev.budgetguard.ingest.admin;
