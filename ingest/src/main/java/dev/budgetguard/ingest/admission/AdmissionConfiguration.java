package dev.budgetguard.ingest.admission;

import dev.budgetguard.ingest.ratelimit.RateLimiter;
import dev.budgetguard.ingest.ratelimit.SlidingLogRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-memory caps of the hot path: one spend ledger and one rate limiter, fed by the tenant directory. */
@Configuration(proxyBeanMethods = false)
public class AdmissionConfiguration {

    @Bean
    SpendLedger spendLedger() {
        return new LockFreeSpendLedger();
    }

    @Bean
    RateLimiter rateLimiter() {
        return new SlidingLogRateLimiter();
    }
}
