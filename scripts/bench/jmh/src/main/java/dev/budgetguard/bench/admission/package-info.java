/**
 * JMH benchmarks of the collector's per-request admission work: the budget reservation decision with 10,000 tenants
 * loaded (admitted and refused paths), the same under contention on one tenant with a locked baseline, and the rate
 * limit check. Mode SampleTime, so the report carries p50 and p99 per operation.
 */
package dev.budgetguard.bench.admission;
