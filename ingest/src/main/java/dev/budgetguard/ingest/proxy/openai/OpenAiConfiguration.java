package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.proxy.Metering;
import dev.budgetguard.ingest.proxy.ProxyProperties;
import dev.budgetguard.ingest.tenant.TenantAuthenticator;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpStatusClass;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Registers {@code POST /v1/chat/completions} directly on Boot's Reactor Netty server, ahead of Spring's handler
 * (which keeps serving everything else: admin API, actuator), and builds the one pooled upstream client.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenAiProperties.class)
public class OpenAiConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiConfiguration.class);

    @Bean(destroyMethod = "dispose")
    public ConnectionProvider openAiConnections(OpenAiProperties properties) {
        return ConnectionProvider.builder("openai")
                .maxConnections(properties.maxConnections())
                .pendingAcquireTimeout(properties.connectTimeout())
                .maxIdleTime(Duration.ofSeconds(50))
                .build();
    }

    @Bean
    UpstreamForwarder openAiForwarder(
            OpenAiProperties properties,
            ConnectionProvider openAiConnections,
            LoopResources proxyLoopResources,
            ProxyProperties proxy) {
        ProviderKey key = properties.apiKey();
        LOG.info(
                "openai_upstream base_url={} api_key_configured={} connect_timeout={} response_timeout={}"
                        + " max_connections={}",
                properties.baseUrlText(),
                key.isPresent(),
                properties.connectTimeout(),
                properties.responseTimeout(),
                properties.maxConnections());
        HttpClient client = HttpClient.create(openAiConnections)
                .runOn(proxyLoopResources)
                .baseUrl(properties.baseUrlText())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        properties.connectTimeout().toMillis())
                .responseTimeout(properties.responseTimeout())
                .keepAlive(true)
                // A 1xx is never the final answer: the real one follows unread, and a pooled connection would hand
                // it to the next call, maybe another tenant's. Such a connection closes when this call lets it go.
                .doOnResponse((response, connection) -> {
                    if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                        connection.markPersistent(false);
                    }
                })
                .headers(headers -> {
                    if (key.isPresent()) {
                        headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + key.value());
                    }
                });
        return new UpstreamForwarder(client, proxy.maxResponseBytes());
    }

    @Bean
    public ChatCompletionsHandler chatCompletionsHandler(
            TenantAuthenticator authenticator,
            Metering metering,
            UpstreamForwarder openAiForwarder,
            ProxyProperties proxy) {
        return new ChatCompletionsHandler(authenticator, metering, openAiForwarder, proxy.maxBodyBytes());
    }

    @Bean
    public NettyRouteProvider chatCompletionsRoute(ChatCompletionsHandler chatCompletionsHandler) {
        return routes -> routes.post(ChatCompletionsHandler.ROUTE, chatCompletionsHandler);
    }
}
