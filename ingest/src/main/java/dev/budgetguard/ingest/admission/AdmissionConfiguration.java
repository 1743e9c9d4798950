package dev.budgetguard.ingest.admission;

import dev.budgetguard.ingest.ratelimit.RateLimiter;
import dev.budgetguard.ingest.ratelimit.SlidingLogRateLimiter;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The in-memory caps of the hot path: one spend ledger and one rate limiter. The proxy admits through them; the tenant
 * directory and the budget snapshot feed them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdmissionProperties.class)
public class AdmissionConfiguration {

    @Bean
    public SpendLedger spendLedger(ObjectProvider<Clock> clock) {
        return new LockFreeSpendLedger(clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    public RateLimiter rateLimiter() {
        return new SlidingLogRateLimiter();
    }
}
