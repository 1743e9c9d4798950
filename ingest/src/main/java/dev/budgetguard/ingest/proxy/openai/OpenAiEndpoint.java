package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.proxy.MeteredCall;
import dev.budgetguard.ingest.proxy.MeteredRequest;
import dev.budgetguard.ingest.proxy.ProviderEndpoint;
import dev.budgetguard.ingest.proxy.StreamInspector;
import dev.budgetguard.ingest.proxy.wire.RootMember;
import dev.budgetguard.ingest.proxy.wire.UsageObjects;
import dev.budgetguard.schemas.usage.ServiceTier;
import dev.budgetguard.schemas.usage.TokenUsage;

/**
 * OpenAI's {@code /v1/completions}, {@code /v1/responses} and {@code /v1/embeddings}, one instance per
 * {@link OpenAiRoute}. The service tier recorded is the one the answer names, else the one the request asked for.
 */
public final class OpenAiEndpoint implements ProviderEndpoint {

    private static final RootMember SERVICE_TIER = RootMember.named("service_tier");

    private final OpenAiRoute route;

    public OpenAiEndpoint(OpenAiRoute route) {
        this.route = route;
    }

    @Override
    public String provider() {
        return ChatCompletionsEndpoint.PROVIDER;
    }

    @Override
    public String route() {
        return route.route();
    }

    @Override
    public MeteredRequest parse(String path, String query, byte[] body) {
        return OpenAiRequestParser.parse(route, body);
    }

    @Override
    public TokenUsage usageOfBody(byte[] body, Runnable onImplausible) {
        return OpenAiUsage.ofBody(route, body, 0, body.length, onImplausible);
    }

    @Override
    public ServiceTier serviceTierOfBody(MeteredRequest request, byte[] body) {
        return tier(OpenAiUsage.tierOf(body, 0, body.length), request);
    }

    @Override
    public StreamInspector streamInspector(MeteredRequest request, MeteredCall call) {
        return route == OpenAiRoute.RESPONSES
                ? new ResponsesStreamInspector(request, call)
                : new ChatStreamInspector(call, request.usageInjected(), request);
    }

    /** The answer's tier, else the request's own {@code service_tier}, read again only then. */
    static ServiceTier tier(String answered, MeteredRequest request) {
        if (answered != null) {
            return ServiceTier.reported(answered, false);
        }
        byte[] body = request.forwardBody();
        return ServiceTier.reported(
                UsageObjects.stringAt(body, SERVICE_TIER.valueIn(body, 0, body.length), body.length), false);
    }
}
