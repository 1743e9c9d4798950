package dev.budgetguard.ingest.proxy;

import dev.budgetguard.schemas.usage.ServiceTier;
import dev.budgetguard.schemas.usage.TokenUsage;
import java.util.List;

/**
 * One provider endpoint the collector meters: how its requests are read and where its answers carry usage. Everything
 * else (credentials, body limits, admission, spooling, forwarding, relaying, every way a call can end) is the same for
 * all providers and lives in {@link MeteredRouteHandler} and {@link UpstreamForwarder}.
 *
 * <p>Implementations run on the event loop and must not block. They are shared by all calls; per-call state belongs in
 * the {@link StreamInspector} made for each streamed call.
 */
public interface ProviderEndpoint {

    /** Written as the spool's {@code provider}: {@code openai}, {@code anthropic}, {@code google}. */
    String provider();

    /** Written as the spool's {@code route}, e.g. {@code /v1/chat/completions}; the same for every call it serves. */
    String route();

    /**
     * The Reactor Netty path templates this endpoint answers on ({@code POST}), e.g.
     * {@code /v1beta/models/{model}:generateContent}; by default just {@link #route()}.
     */
    default List<String> paths() {
        return List.of(route());
    }

    /**
     * Reads what metering needs from a request and says what to forward.
     *
     * @param path the request's path without its query, e.g. {@code /v1beta/models/gemini-2.5-pro:generateContent}
     * @param query the raw query string without the {@code ?}, or {@code ""}
     * @throws InvalidProxyRequestException for a request that must not be forwarded (malformed, no model)
     */
    MeteredRequest parse(String path, String query, byte[] body);

    /**
     * Usage of a whole 2xx answer, or {@code null} when it has none; {@code onImplausible} runs when counts were
     * found but discarded as implausible (the call then ends as usage missing).
     */
    TokenUsage usageOfBody(byte[] body, Runnable onImplausible);

    /**
     * The service tier a whole 2xx answer says it was served in (and whether it was a batch call, which is priced
     * with the batch discount); {@link ServiceTier#STANDARD} for providers that report none.
     */
    default ServiceTier serviceTierOfBody(MeteredRequest request, byte[] body) {
        return ServiceTier.STANDARD;
    }

    /** A fresh inspector for one streamed call; it reports usage to {@code call} as the events pass. */
    StreamInspector streamInspector(MeteredRequest request, MeteredCall call);

    /**
     * The header carrying the tenant's BudgetGuard key on this route, next to {@code X-Tenant-Id}: {@code x-api-key}
     * (what OpenAI-style clients are given as a default header, and what Anthropic's SDKs send their key in); a
     * Gemini endpoint may say {@code x-goog-api-key}. Never forwarded, whatever it is.
     */
    default String apiKeyHeader() {
        return "x-api-key";
    }

    /** How the proxy's own error answers (credentials, refusals, upstream failures) look on this endpoint. */
    default ErrorShape errorShape() {
        return ErrorShape.OPENAI;
    }
}
