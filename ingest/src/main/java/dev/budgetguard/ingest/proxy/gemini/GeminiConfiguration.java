package dev.budgetguard.ingest.proxy.gemini;

import dev.budgetguard.ingest.proxy.HeaderPolicy;
import dev.budgetguard.ingest.proxy.MeteredRoute;
import dev.budgetguard.ingest.proxy.Upstream;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.resources.LoopResources;

/**
 * Gemini's upstream (a pooled client, the server's key as {@code x-goog-api-key}) and its metered routes,
 * {@code generateContent} and {@code streamGenerateContent}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GeminiProperties.class)
public class GeminiConfiguration {

    /**
     * What crosses to and from Google: content type, accept, user agent and the SDK's {@code x-goog-api-client};
     * content type and retry advice back. A client's {@code x-goog-api-key} never crosses.
     */
    static final HeaderPolicy HEADERS = new HeaderPolicy(
            List.of("content-type", "accept", "user-agent", "x-goog-api-client"),
            List.of(),
            List.of("content-type", "retry-after"),
            List.of(),
            List.of());

    @Bean(destroyMethod = "dispose")
    public Upstream geminiUpstream(GeminiProperties properties, LoopResources proxyLoopResources) {
        return Upstream.create(
                properties.settings(), proxyLoopResources, HEADERS, "x-goog-api-key", "", properties.apiKey());
    }

    @Bean
    public MeteredRoute geminiGenerateRoute(Upstream geminiUpstream) {
        return new MeteredRoute(new GeminiEndpoint(false), geminiUpstream);
    }

    @Bean
    public MeteredRoute geminiStreamRoute(Upstream geminiUpstream) {
        return new MeteredRoute(new GeminiEndpoint(true), geminiUpstream);
    }
}
