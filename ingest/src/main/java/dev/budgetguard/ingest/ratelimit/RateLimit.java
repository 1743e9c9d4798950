package dev.budgetguard.ingest.ratelimit;

/**
 * A tenant's limits per sliding minute, in the admin API's terms; {@code 0} means unlimited.
 *
 * @param requestsPerMinute admitted requests in any 60 s
 * @param tokensPerMinute tokens counted in any 60 s (what the caller acquires at admission plus what it records after)
 */
public record RateLimit(int requestsPerMinute, long tokensPerMinute) {

    public static final RateLimit UNLIMITED = new RateLimit(0, 0);

    public RateLimit {
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException(
                    "rateLimitPerMin: must be >= 0 (0 = unlimited), was " + requestsPerMinute);
        }
        if (tokensPerMinute < 0) {
            throw new IllegalArgumentException("tokensPerMin: must be >= 0 (0 = unlimited), was " + tokensPerMinute);
        }
    }
}
