package dev.budgetguard.ingest.admission;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The collector's one {@link SpendLedger}: the proxy admits through it, the directory and the snapshot feed it. */
@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration {

    @Bean
    SpendLedger spendLedger(ObjectProvider<Clock> clock) {
        return new LockFreeSpendLedger(clock.getIfAvailable(Clock::systemUTC));
    }
}
