package dev.budgetguard.ingest.proxy.gemini;

import dev.budgetguard.ingest.proxy.ErrorShape;
import dev.budgetguard.ingest.proxy.ProxyError;
import java.nio.charset.StandardCharsets;

/**
 * The proxy's own answers on the Gemini routes in Google's error shape,
 * {@code {"error":{"code":400,"message":...,"status":"INVALID_ARGUMENT"}}}, so that Google SDKs raise them like the
 * API's own errors.
 */
final class GeminiErrorShape implements ErrorShape {

    static final GeminiErrorShape INSTANCE = new GeminiErrorShape();

    private GeminiErrorShape() {}

    @Override
    public byte[] render(ProxyError error) {
        return ("{\"error\":{\"code\":" + error.status() + ",\"message\":" + ProxyError.jsonString(error.message())
                        + ",\"status\":\"" + status(error.status()) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Google's canonical status name for an HTTP status. */
    static String status(int status) {
        return switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 402, 429 -> "RESOURCE_EXHAUSTED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 409 -> "ABORTED";
            case 502, 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> status < 500 ? "FAILED_PRECONDITION" : "INTERNAL";
        };
    }
}
