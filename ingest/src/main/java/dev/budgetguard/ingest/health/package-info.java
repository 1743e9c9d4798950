/**
 * The original BudgetGuard's {@code GET /health} liveness answer, for load balancers and scripts that already call it.
 * Detailed health and metrics live under Actuator ({@code /actuator/health}, {@code /actuator/prometheus}).
 */
package dev.budgetguard.ingest.health;
