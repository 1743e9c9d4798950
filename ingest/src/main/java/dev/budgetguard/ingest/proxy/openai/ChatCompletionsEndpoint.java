package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.proxy.MeteredCall;
import dev.budgetguard.ingest.proxy.MeteredRequest;
import dev.budgetguard.ingest.proxy.ProviderEndpoint;
import dev.budgetguard.ingest.proxy.StreamInspector;
import dev.budgetguard.schemas.usage.ServiceTier;
import dev.budgetguard.schemas.usage.TokenUsage;

/**
 * OpenAI's {@code POST /v1/chat/completions}: the body is stream-parsed for the fields metering needs, usage is read
 * from the answer's {@code usage} object or from the final SSE chunk (which the proxy asks for, and hides again,
 * when the client did not).
 */
public final class ChatCompletionsEndpoint implements ProviderEndpoint {

    public static final String ROUTE = "/v1/chat/completions";
    public static final String PROVIDER = "openai";

    /** Appended to the configured base URL, which ends in {@code /v1}. */
    private static final String UPSTREAM_PATH = "/chat/completions";

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
        ChatRequest chat = ChatRequestParser.parse(body);
        return new MeteredRequest(
                chat.model(),
                chat.stream(),
                UPSTREAM_PATH,
                chat.forwardBody(),
                chat.prompt(),
                chat.outputBound(),
                chat.usageInjected(),
                chat.choices());
    }

    @Override
    public TokenUsage usageOfBody(byte[] body, Runnable onImplausible) {
        return UsageParser.fromBody(body, 0, body.length, onImplausible);
    }

    @Override
    public ServiceTier serviceTierOfBody(MeteredRequest request, byte[] body) {
        return OpenAiEndpoint.tier(OpenAiUsage.tierOf(body, 0, body.length), request);
    }

    @Override
    public StreamInspector streamInspector(MeteredRequest request, MeteredCall call) {
        return new ChatStreamInspector(call, request.usageInjected(), request);
    }
}
