package dev.budgetguard.ingest.proxy.anthropic;

import dev.budgetguard.ingest.proxy.ErrorShape;
import dev.budgetguard.ingest.proxy.MeteredCall;
import dev.budgetguard.ingest.proxy.MeteredRequest;
import dev.budgetguard.ingest.proxy.ProviderEndpoint;
import dev.budgetguard.ingest.proxy.ReportedUsage;
import dev.budgetguard.ingest.proxy.StreamInspector;
import dev.budgetguard.schemas.usage.ServiceTier;
import dev.budgetguard.schemas.usage.TokenUsage;

/** Anthropic's {@code POST /v1/messages}, streamed or not, with errors in Anthropic's shape. */
public final class AnthropicMessagesEndpoint implements ProviderEndpoint {

    public static final String PROVIDER = "anthropic";
    public static final String ROUTE = "/v1/messages";

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String route() {
        return ROUTE;
    }

    @Override
    public MeteredRequest parse(String path, String query, byte[] body) {
        return AnthropicRequestParser.parse(body);
    }

    @Override
    public TokenUsage usageOfBody(byte[] body, Runnable onImplausible) {
        ReportedUsage usage = AnthropicUsage.ofBody(body, 0, body.length, onImplausible);
        return usage == null ? null : usage.tokens();
    }

    @Override
    public ServiceTier serviceTierOfBody(MeteredRequest request, byte[] body) {
        ReportedUsage usage = AnthropicUsage.ofBody(body, 0, body.length, () -> {});
        return usage == null ? ServiceTier.STANDARD : usage.tier();
    }

    @Override
    public StreamInspector streamInspector(MeteredRequest request, MeteredCall call) {
        return new AnthropicStreamInspector(call);
    }

    @Override
    public ErrorShape errorShape() {
        return AnthropicErrorShape.INSTANCE;
    }
}
