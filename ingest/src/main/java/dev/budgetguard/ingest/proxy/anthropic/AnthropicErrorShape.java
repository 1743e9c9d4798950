package dev.budgetguard.ingest.proxy.anthropic;

import dev.budgetguard.ingest.proxy.ErrorShape;
import dev.budgetguard.ingest.proxy.ProxyError;
import java.nio.charset.StandardCharsets;

/**
 * The proxy's own answers on the Anthropic route in Anthropic's error shape,
 * {@code {"type":"error","error":{"type":...,"message":...}}}, the type chosen from the status as Anthropic does, so
 * that Anthropic SDKs raise them as the matching exception.
 */
final class AnthropicErrorShape implements ErrorShape {

    static final AnthropicErrorShape INSTANCE = new AnthropicErrorShape();

    private AnthropicErrorShape() {}

    @Override
    public byte[] render(ProxyError error) {
        return ("{\"type\":\"error\",\"error\":{\"type\":\"" + type(error.status()) + "\",\"message\":"
                        + ProxyError.jsonString(error.message()) + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Anthropic's error type for an HTTP status. */
    static String type(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            case 504 -> "timeout_error";
            default -> status < 500 ? "invalid_request_error" : "api_error";
        };
    }
}
