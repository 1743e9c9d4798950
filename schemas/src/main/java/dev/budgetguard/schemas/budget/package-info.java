/**
 * Budgets, the shared vocabulary of hard caps: a budget's period and its windows in the tenant's own calendar. The
 * collector enforces budgets from memory, the budget snapshot job computes their spend from the lake, and both must
 * cut the same half-open windows, so the rules live here once.
 */
package dev.budgetguard.schemas.budget;
