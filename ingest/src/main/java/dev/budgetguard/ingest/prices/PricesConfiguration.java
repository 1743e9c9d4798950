package dev.budgetguard.ingest.prices;

import dev.budgetguard.ingest.audit.AuditLog;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the price book the proxy prices with (the only {@code PriceBook} bean) and its administration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PriceProperties.class)
class PricesConfiguration {

    private final Clock clock;

    PricesConfiguration(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Bean
    PriceBookSnapshot priceBook() {
        return new PriceBookSnapshot();
    }

    @Bean
    PriceBookRefresher priceBookRefresher(PriceStore store, PriceBookSnapshot priceBook, PriceProperties properties) {
        return new PriceBookRefresher(store, priceBook, properties.refresh(), clock);
    }

    @Bean
    PriceAdministration priceAdministration(
            PriceStore store, PriceBookRefresher refresher, TransactionTemplate transaction, AuditLog audit) {
        return new PriceAdministration(store, refresher, transaction, audit, clock);
    }
}
