package dev.budgetguard.ingest.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlidingLogRateLimiterTest {

    private final SlidingLogRateLimiter limiter = new SlidingLogRateLimiter();

    @Test
    void twoPerMinuteAllowsNoDoubleBurstAcrossTheMinuteEdge() {
        // given 2 requests per minute
        limiter.setLimit("acme", new RateLimit(2, 0));

        // when calls straddle 12:01:00
        RateDecision first = limiter.tryAcquire("acme", 0, at("12:00:59.900"));
        RateDecision second = limiter.tryAcquire("acme", 0, at("12:00:59.950"));
        RateDecision third = limiter.tryAcquire("acme", 0, at("12:01:00.010"));
        RateDecision fourth = limiter.tryAcquire("acme", 0, at("12:01:00.050"));
        RateDecision later = limiter.tryAcquire("acme", 0, at("12:02:00.000"));

        // then the two after the edge wait until the first leaves the window at 12:01:59.900
        assertThat(first.allowed()).isTrue();
        assertThat(second.allowed()).isTrue();
        assertThat(third).isEqualTo(new RateDecision.Limited(RateDecision.Dimension.REQUESTS, 2, 60));
        assertThat(fourth).isEqualTo(new RateDecision.Limited(RateDecision.Dimension.REQUESTS, 2, 60));
        assertThat(later.allowed()).isTrue();
    }

    @Test
    void retryAfterIsWhenQuotaActuallyFreesRoundedUp() {
        // given 2 per minute used at 12:00:10 and 12:00:40
        limiter.setLimit("acme", new RateLimit(2, 0));
        limiter.tryAcquire("acme", 0, at("12:00:10.000"));
        limiter.tryAcquire("acme", 0, at("12:00:40.000"));

        // when a third comes at 12:00:45.500, then the 12:00:10 call frees a slot at 12:01:10, 24.5 s later
        assertThat(limiter.tryAcquire("acme", 0, at("12:00:45.500")))
                .isEqualTo(new RateDecision.Limited(RateDecision.Dimension.REQUESTS, 2, 25));
        assertThat(limiter.tryAcquire("acme", 0, at("12:01:09.999")).allowed()).isFalse();
        assertThat(limiter.tryAcquire("acme", 0, at("12:01:10.000")).allowed()).isTrue();
    }

    @Test
    void tokenRefusalConsumesNeitherTokensNorRequests() {
        // given 10 requests and 1,000 tokens per minute, with 900 tokens used
        limiter.setLimit("acme", new RateLimit(10, 1_000));
        assertThat(limiter.tryAcquire("acme", 900, at("12:00:00.000")).allowed())
                .isTrue();

        // when a 200-token request is refused, several times
        RateDecision refused = limiter.tryAcquire("acme", 200, at("12:00:01.000"));
        for (int i = 0; i < 20; i++) {
            limiter.tryAcquire("acme", 200, at("12:00:02.000"));
        }

        // then it waits for the 900 to leave, and the refusals took nothing: 100 tokens and 9 requests remain
        assertThat(refused).isEqualTo(new RateDecision.Limited(RateDecision.Dimension.TOKENS, 1_000, 59));
        assertThat(limiter.tryAcquire("acme", 100, at("12:00:03.000")).allowed())
                .isTrue();
        for (int i = 0; i < 8; i++) {
            assertThat(limiter.tryAcquire("acme", 0, at("12:00:04.000")).allowed())
                    .isTrue();
        }
        assertThat(limiter.tryAcquire("acme", 0, at("12:00:04.000")).allowed()).isFalse();
    }

    @Test
    void tokensRecordedAfterTheFactCountAgainstLaterRequests() {
        // given 1,000 tokens per minute and 950 output tokens recorded after a call
        limiter.setLimit("acme", new RateLimit(0, 1_000));
        limiter.tryAcquire("acme", 10, at("12:00:00.000"));
        limiter.recordTokens("acme", 950, at("12:00:05.000"));

        // then 40 tokens fit, 41 do not
        assertThat(limiter.tryAcquire("acme", 41, at("12:00:06.000")).allowed()).isFalse();
        assertThat(limiter.tryAcquire("acme", 40, at("12:00:06.000")).allowed()).isTrue();
    }

    @Test
    void aRequestLargerThanTheLimitIsRefusedForTheWholeWindow() {
        limiter.setLimit("acme", new RateLimit(0, 1_000));

        assertThat(limiter.tryAcquire("acme", 1_001, at("12:00:00.000")))
                .isEqualTo(new RateDecision.Limited(RateDecision.Dimension.TOKENS, 1_000, 60));
    }

    @Test
    void unlimitedTenantsAlwaysPass() {
        limiter.setLimit("acme", RateLimit.UNLIMITED);

        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.tryAcquire("acme", 1_000_000, at("12:00:00.000")).allowed())
                    .isTrue();
        }
        assertThat(limiter.tryAcquire("unknown", 5, at("12:00:00.000")).allowed())
                .isTrue();
    }

    private static Instant at(String time) {
        return Instant.parse("2026-08-19T" + time + "Z");
    }
}
