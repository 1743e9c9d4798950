package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.proxy.HeaderPolicy;
import dev.budgetguard.ingest.proxy.MeteredRoute;
import dev.budgetguard.ingest.proxy.Upstream;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.resources.LoopResources;

/**
 * OpenAI's upstream (one pooled client for all its routes, the server's key as {@code Authorization: Bearer}) and its
 * metered routes, which {@code ProxyConfiguration} registers on the Reactor Netty server.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenAiProperties.class)
public class OpenAiConfiguration {

    /**
     * What crosses to and from OpenAI: what its SDKs send (content type, accept, user agent, beta flags, their
     * idempotency key, {@code x-stainless-*}); OpenAI's request id, rate-limit and retry headers back, never
     * {@code openai-organization} (the operator's account, not the tenant's business).
     */
    static final HeaderPolicy HEADERS = new HeaderPolicy(
            List.of("content-type", "accept", "user-agent", "openai-beta", "idempotency-key"),
            List.of("x-stainless-"),
            List.of("content-type", "x-request-id", "retry-after"),
            List.of("openai-", "x-ratelimit-"),
            List.of("openai-organization"));

    @Bean(destroyMethod = "dispose")
    public Upstream openAiUpstream(OpenAiProperties properties, LoopResources proxyLoopResources) {
        return Upstream.create(
                properties.settings(),
                proxyLoopResources,
                HEADERS,
                HttpHeaderNames.AUTHORIZATION,
                "Bearer ",
                properties.apiKey());
    }

    @Bean
    public MeteredRoute chatCompletionsRoute(Upstream openAiUpstream) {
        return new MeteredRoute(new ChatCompletionsEndpoint(), openAiUpstream);
    }

    @Bean
    public MeteredRoute completionsRoute(Upstream openAiUpstream) {
        return new MeteredRoute(new OpenAiEndpoint(OpenAiRoute.COMPLETIONS), openAiUpstream);
    }

    @Bean
    public MeteredRoute responsesRoute(Upstream openAiUpstream) {
        return new MeteredRoute(new OpenAiEndpoint(OpenAiRoute.RESPONSES), openAiUpstream);
    }

    @Bean
    public MeteredRoute embeddingsRoute(Upstream openAiUpstream) {
        return new MeteredRoute(new OpenAiEndpoint(OpenAiRoute.EMBEDDINGS), openAiUpstream);
    }
}
