package dev.budgetguard.ingest.proxy;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpStatusClass;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * One provider's side of the proxy: a pooled Reactor Netty client on the proxy's event loops with the base URL,
 * timeouts and the server's provider key applied, and the {@link HeaderPolicy} saying which headers cross. Tenants
 * never choose the host and never see the key. Dispose it with the application.
 */
public final class Upstream {

    private static final Logger LOG = LoggerFactory.getLogger(Upstream.class);

    private final ConnectionProvider connections;
    private final HttpClient client;
    private final HeaderPolicy headers;

    private Upstream(ConnectionProvider connections, HttpClient client, HeaderPolicy headers) {
        this.connections = connections;
        this.client = client;
        this.headers = headers;
    }

    /**
     * @param keyHeader the header the provider reads its key from ({@code Authorization}, {@code x-api-key},
     *     {@code x-goog-api-key})
     * @param keyPrefix put before the key in that header ({@code "Bearer "} or {@code ""})
     */
    public static Upstream create(
            UpstreamSettings settings,
            LoopResources loops,
            HeaderPolicy headers,
            CharSequence keyHeader,
            String keyPrefix,
            ProviderKey key) {
        Objects.requireNonNull(headers, "headers");
        LOG.info(
                "upstream provider={} base_url={} api_key_configured={} connect_timeout={} response_timeout={}"
                        + " max_connections={}",
                settings.name(),
                settings.baseUrlText(),
                key.isPresent(),
                settings.connectTimeout(),
                settings.responseTimeout(),
                settings.maxConnections());
        ConnectionProvider connections = ConnectionProvider.builder(settings.name())
                .maxConnections(settings.maxConnections())
                .pendingAcquireTimeout(settings.connectTimeout())
                .maxIdleTime(Duration.ofSeconds(50))
                .build();
        HttpClient client = HttpClient.create(connections)
                .runOn(loops)
                .baseUrl(settings.baseUrlText())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        settings.connectTimeout().toMillis())
                .responseTimeout(settings.responseTimeout())
                .keepAlive(true)
                // A 1xx is never the final answer: the real one follows unread, and a pooled connection would hand
                // it to the next call, maybe another tenant's. Such a connection closes when this call lets it go.
                .doOnResponse((response, connection) -> {
                    if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                        connection.markPersistent(false);
                    }
                })
                .headers(h -> {
                    if (key.isPresent()) {
                        h.set(keyHeader, keyPrefix + key.value());
                    }
                });
        return new Upstream(connections, client, headers);
    }

    HttpClient client() {
        return client;
    }

    HeaderPolicy headers() {
        return headers;
    }

    public void dispose() {
        connections.dispose();
    }
}
