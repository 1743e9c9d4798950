package dev.budgetguard.ingest.tenant;

import dev.budgetguard.ingest.ratelimit.RateLimit;
import java.time.Instant;

/** A live tenant's own row, without its keys and budgets. */
record TenantRow(TenantId id, RateLimit rateLimit, Instant createdAt) {}
