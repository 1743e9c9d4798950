package dev.budgetguard.ingest.proxy;

import java.util.Objects;

/**
 * One metered route as a bean: the endpoint that reads its requests and the upstream that serves them. Every
 * {@code MeteredRoute} bean is registered on the Reactor Netty server by {@link ProxyConfiguration}, ahead of Spring's
 * handler, under each of {@link ProviderEndpoint#paths()} for {@code POST}.
 */
public record MeteredRoute(ProviderEndpoint endpoint, Upstream upstream) {

    public MeteredRoute {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(upstream, "upstream");
    }
}
