package dev.budgetguard.ingest.proxy.gemini;

import dev.budgetguard.ingest.proxy.ErrorShape;
import dev.budgetguard.ingest.proxy.MeteredCall;
import dev.budgetguard.ingest.proxy.MeteredRequest;
import dev.budgetguard.ingest.proxy.ProviderEndpoint;
import dev.budgetguard.ingest.proxy.ReportedUsage;
import dev.budgetguard.ingest.proxy.StreamInspector;
import dev.budgetguard.schemas.usage.TokenUsage;

/**
 * Gemini's {@code generateContent} (one instance) or {@code streamGenerateContent} with {@code alt=sse} (another):
 * model and stream flag from the path, the client's query dropped (a {@code key} there is never forwarded; the
 * server's key goes in {@code x-goog-api-key}), errors in Google's shape.
 */
public final class GeminiEndpoint implements ProviderEndpoint {

    public static final String PROVIDER = "google";

    private final boolean stream;

    public GeminiEndpoint(boolean stream) {
        this.stream = stream;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String route() {
        return GeminiCall.PREFIX + "{model}" + (stream ? GeminiCall.STREAM : GeminiCall.GENERATE);
    }

    @Override
    public MeteredRequest parse(String path, String query, byte[] body) {
        return GeminiRequestParser.parse(GeminiCall.of(path, query), body);
    }

    @Override
    public TokenUsage usageOfBody(byte[] body, Runnable onImplausible) {
        ReportedUsage usage = GeminiUsage.ofBody(body, 0, body.length, onImplausible);
        return usage == null ? null : usage.tokens();
    }

    @Override
    public StreamInspector streamInspector(MeteredRequest request, MeteredCall call) {
        return new GeminiStreamInspector(call);
    }

    @Override
    public ErrorShape errorShape() {
        return GeminiErrorShape.INSTANCE;
    }
}
