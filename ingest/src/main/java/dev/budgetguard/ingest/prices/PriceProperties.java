package dev.budgetguard.ingest.prices;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code budgetguard.prices}: how often this node re-reads the price book for versions written elsewhere (another
 * node's admin API, the jobs' LiteLLM import). Changes made through this node apply at once regardless.
 */
@ConfigurationProperties("budgetguard.prices")
public record PriceProperties(@DefaultValue("30s") Duration refresh) {
    public PriceProperties {
        if (refresh == null || refresh.isZero() || refresh.isNegative()) {
            throw new IllegalArgumentException(
                    "budgetguard.prices.refresh must be a positive duration, was " + refresh);
        }
    }
}
