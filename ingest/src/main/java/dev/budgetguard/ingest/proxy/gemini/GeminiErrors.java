package dev.budgetguard.ingest.proxy.gemini;

import java.nio.charset.StandardCharsets;

/**
 * The proxy's own answers on the Gemini routes, in Google's error shape
 * ({@code {"error":{"code":400,"message":...,"status":"INVALID_ARGUMENT"}}}) so that Google SDKs raise them like
 * provider errors.
 */
public final class GeminiErrors {

    private GeminiErrors() {}

    /** The error body for an answer of {@code status}; {@code message} is fixed text, never request content. */
    public static byte[] body(int status, String message) {
        return ("{\"error\":{\"code\":" + status + ",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
                        + "\",\"status\":\"" + status(status) + "\"}}")
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
            case 499 -> "CANCELLED";
            case 502, 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> status < 500 ? "FAILED_PRECONDITION" : "INTERNAL";
        };
    }
}
