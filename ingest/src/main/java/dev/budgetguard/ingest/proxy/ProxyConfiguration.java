package dev.budgetguard.ingest.proxy;

import dev.budgetguard.ingest.admission.AdmissionProperties;
import dev.budgetguard.ingest.admission.CostEstimator;
import dev.budgetguard.ingest.admission.SpendLedger;
import dev.budgetguard.ingest.proxy.idempotency.IdempotencyProperties;
import dev.budgetguard.ingest.proxy.idempotency.IdempotencyStore;
import dev.budgetguard.ingest.proxy.idempotency.InMemoryIdempotencyStore;
import dev.budgetguard.ingest.proxy.spool.SpoolProperties;
import dev.budgetguard.ingest.ratelimit.RateLimiter;
import dev.budgetguard.ingest.tenant.TenantAuthenticator;
import dev.budgetguard.schemas.pricing.PriceBook;
import dev.budgetguard.schemas.spool.FsyncPolicy;
import dev.budgetguard.schemas.spool.UsageLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.resources.LoopResources;

/**
 * The proxy's shared runtime: one set of event loops for the server and the upstream client, and the metering on top
 * of the spool, pricing with the {@link PriceBook} bean of {@code ingest.prices}.
 *
 * <p>Boot's Netty server always runs on {@link ReactorResourceFactory#getLoopResources()} (it calls {@code runOn}
 * after every {@code NettyServerCustomizer}, so a customizer cannot change the loops). Declaring the factory here, fed
 * with our own {@link LoopResources}, is what sizes the server's IO threads; the upstream client runs on the same
 * loops, colocated, so an upstream connection opened for a call lives on that call's inbound thread.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ProxyProperties.class, IdempotencyProperties.class})
public class ProxyConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyConfiguration.class);

    @Bean(destroyMethod = "dispose")
    public LoopResources proxyLoopResources(ProxyProperties properties) {
        LOG.info("proxy_event_loops threads={}", properties.eventLoopThreads());
        // selectCount -1: accept on the worker loops instead of a thread of its own.
        return LoopResources.create("bg-io", -1, properties.eventLoopThreads(), true, true);
    }

    @Bean
    public ReactorResourceFactory reactorResourceFactory(LoopResources proxyLoopResources) {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        factory.setLoopResources(proxyLoopResources);
        return factory;
    }

    /**
     * Closes client connections that hold a file descriptor without making progress: silent ones (no request
     * started within the idle timeout) and slow ones (a request not whole within the read timeout of its first byte).
     * Neither applies while an answer is awaited or sent.
     */
    @Bean
    public NettyServerCustomizer slowClientTimeouts(ProxyProperties properties) {
        LOG.info(
                "proxy_client_timeouts idle_timeout={} request_read_timeout={}",
                properties.idleTimeout(),
                properties.requestReadTimeout());
        return server -> server.idleTimeout(properties.idleTimeout())
                .doOnChannelInit((observer, channel, remoteAddress) ->
                        SlowRequestGuard.install(channel, properties.requestReadTimeout()));
    }

    /** Worst-case cost of a request before it is forwarded, from the price book in force at its instant. */
    @Bean
    public CostEstimator costEstimator(PriceBook priceBook, ProxyProperties properties, AdmissionProperties admission) {
        return new CostEstimator(priceBook, properties.exactTokenCountLimit(), admission.unseenInputTokens());
    }

    @Bean
    public IdempotencyStore idempotencyStore(IdempotencyProperties properties) {
        LOG.info(
                "idempotency_store ttl={} max_entries={} max_answer_size={} max_memory={}",
                properties.ttl(),
                properties.maxEntries(),
                properties.maxAnswerSize(),
                properties.maxMemory());
        return new InMemoryIdempotencyStore(
                properties.ttl(),
                properties.maxEntries(),
                properties.maxMemory().toBytes());
    }

    /**
     * Registers every {@link MeteredRoute} bean directly on Boot's Reactor Netty server, ahead of Spring's handler
     * (which keeps serving everything else: admin API, actuator), each under its endpoint's paths for {@code POST}.
     */
    @Bean
    public NettyRouteProvider meteredRoutes(
            List<MeteredRoute> routes,
            TenantAuthenticator authenticator,
            Metering metering,
            CostEstimator costEstimator,
            SpendLedger spendLedger,
            RateLimiter rateLimiter,
            IdempotencyStore idempotencyStore,
            IdempotencyProperties idempotency,
            ProxyProperties properties,
            AdmissionProperties admissionProperties) {
        AdmissionControl admission = new AdmissionControl(
                costEstimator, spendLedger, rateLimiter, properties.exactTokenCountLoopLimit(), admissionProperties);
        IdempotentRequests idempotent = new IdempotentRequests(idempotencyStore, idempotency.maxAnswerBytes());
        List<MeteredRouteHandler> handlers = routes.stream()
                .map(route ->
                        new MeteredRouteHandler(route, authenticator, metering, admission, idempotent, properties))
                .toList();
        for (MeteredRouteHandler handler : handlers) {
            LOG.info("metered_route provider={} paths={}", handler.provider(), handler.paths());
        }
        return server -> {
            for (MeteredRouteHandler handler : handlers) {
                for (String path : handler.paths()) {
                    server.post(path, handler);
                }
            }
            return server;
        };
    }

    @Bean
    public ProxyMetrics proxyMetrics(MeterRegistry registry) {
        return new ProxyMetrics(registry);
    }

    @Bean
    public Metering metering(
            UsageLog usageLog,
            PriceBook priceBook,
            ObjectProvider<Clock> clock,
            ProxyMetrics proxyMetrics,
            SpoolProperties spool) {
        return new Metering(
                usageLog,
                priceBook,
                clock.getIfAvailable(Clock::systemUTC),
                proxyMetrics,
                spool.fsync() == FsyncPolicy.ALWAYS);
    }
}
