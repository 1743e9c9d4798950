package dev.budgetguard.ingest.proxy.anthropic;

import dev.budgetguard.ingest.proxy.HeaderPolicy;
import dev.budgetguard.ingest.proxy.MeteredRoute;
import dev.budgetguard.ingest.proxy.Upstream;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.resources.LoopResources;

/**
 * Anthropic's upstream (a pooled client, the server's key as {@code x-api-key}) and its metered route
 * {@code POST /v1/messages}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnthropicProperties.class)
public class AnthropicConfiguration {

    /**
     * What crosses to and from Anthropic: what its SDKs send ({@code anthropic-version}, {@code anthropic-beta},
     * {@code x-stainless-*}); Anthropic's request id, rate-limit and retry headers back, never
     * {@code anthropic-organization-id} (the operator's account). The tenant's {@code x-api-key} (its BudgetGuard key,
     * as the SDKs send their api key) never crosses: the upstream sets the server's.
     */
    static final HeaderPolicy HEADERS = new HeaderPolicy(
            List.of("content-type", "accept", "user-agent", "anthropic-version", "anthropic-beta", "idempotency-key"),
            List.of("x-stainless-"),
            List.of("content-type", "request-id", "retry-after", "x-should-retry"),
            List.of("anthropic-ratelimit-"),
            List.of("anthropic-organization-id"));

    @Bean(destroyMethod = "dispose")
    public Upstream anthropicUpstream(AnthropicProperties properties, LoopResources proxyLoopResources) {
        return Upstream.create(
                properties.settings(), proxyLoopResources, HEADERS, "x-api-key", "", properties.apiKey());
    }

    @Bean
    public MeteredRoute anthropicMessagesRoute(Upstream anthropicUpstream) {
        return new MeteredRoute(new AnthropicMessagesEndpoint(), anthropicUpstream);
    }
}
