package dev.budgetguard.ingest.alerts;

import dev.budgetguard.ingest.admission.SpendLedger;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Listens to the ledger for threshold crossings and delivers them from the alert thread. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertProperties.class)
class AlertsConfiguration {

    @Bean(destroyMethod = "close")
    AlertDispatcher alertDispatcher(
            JdbcClient jdbc, AlertProperties properties, SpendLedger ledger, ObjectProvider<Clock> clockProvider) {
        Clock clock = clockProvider.getIfAvailable(Clock::systemUTC);
        WebhookSender webhook = properties.webhookUrl() == null
                ? null
                : new WebhookSender(properties.webhookUrl(), properties.requestTimeout());
        AlertDispatcher dispatcher = new AlertDispatcher(new JdbcAlertStore(jdbc), webhook, properties, clock);
        ledger.addSpendListener(new ThresholdCrossings(dispatcher, clock));
        return dispatcher;
    }
}
