package dev.budgetguard.ingest.tenant;

/** Requests a tenant may make per minute; 0 means unlimited (the original BudgetGuard's convention). */
public record RateLimit(int perMinute) {

    public static final RateLimit UNLIMITED = new RateLimit(0);

    public RateLimit {
        if (perMinute < 0) {
            throw new IllegalArgumentException(
                    "rate limit per minute must be 0 (unlimited) or positive, was " + perMinute);
        }
    }
}
