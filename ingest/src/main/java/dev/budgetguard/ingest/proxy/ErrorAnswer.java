package dev.budgetguard.ingest.proxy;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The fixed answers the proxy gives on its own behalf; each endpoint's {@link ErrorShape} puts them in its provider's
 * error shape (OpenAI's is rendered once). Nothing of the request or of an exception ever goes into them.
 */
public enum ErrorAnswer {
    MISSING_CREDENTIALS(
            401, "invalid_request_error", null, "invalid_api_key", "Missing X-Tenant-Id or X-API-Key header."),
    INVALID_CREDENTIALS(401, "invalid_request_error", null, "invalid_api_key", "Incorrect tenant or API key provided."),
    INVALID_JSON(400, "invalid_request_error", null, "invalid_json", "The request body is not a valid JSON object."),
    MISSING_MODEL(
            400,
            "invalid_request_error",
            "model",
            "missing_required_parameter",
            "You must provide a model parameter as a string."),
    INVALID_MODEL(
            400,
            "invalid_request_error",
            "model",
            "invalid_value",
            "The model parameter must be at most 256 printable characters, without quotes."),
    INVALID_STREAM(400, "invalid_request_error", "stream", "invalid_type", "The stream parameter must be a boolean."),
    INVALID_INCLUDE_USAGE(
            400,
            "invalid_request_error",
            "stream_options.include_usage",
            "invalid_type",
            "The stream_options.include_usage parameter must be a boolean."),
    REQUEST_TOO_LARGE(
            400,
            "invalid_request_error",
            null,
            "request_too_large",
            "The request body exceeds the maximum size this service accepts."),
    SPOOL_FULL(503, "server_error", null, "spool_full", "The service is overloaded; please retry shortly."),
    UPSTREAM_UNAVAILABLE(
            502, "server_error", null, "upstream_unavailable", "The upstream provider could not be reached."),
    UPSTREAM_TOO_LARGE(
            502,
            "server_error",
            null,
            "upstream_too_large",
            "The upstream provider's answer exceeds the maximum size this service relays."),
    UPSTREAM_PROTOCOL_ERROR(
            502,
            "server_error",
            null,
            "upstream_protocol_error",
            "The upstream provider sent an answer this service cannot relay."),
    UPSTREAM_TIMEOUT(504, "server_error", null, "upstream_timeout", "The upstream provider did not answer in time."),
    INTERNAL(500, "server_error", null, "internal_error", "The service failed to handle the request.");

    private final ProxyError error;
    private final byte[] openAiBody;

    ErrorAnswer(int status, String type, String param, String code, String message) {
        this.error = new ProxyError(status, type, param, code, message);
        this.openAiBody = ErrorShape.OPENAI.render(error);
    }

    public int status() {
        return error.status();
    }

    /** The machine-readable code, also written as the record's error code. */
    public String code() {
        return error.code();
    }

    public ProxyError error() {
        return error;
    }

    /** The body in OpenAI's shape, rendered once; shared, so only ever wrapped for sending, never written. */
    byte[] openAiBody() {
        return openAiBody;
    }

    /** Sends this answer in OpenAI's shape; headers already set on the response (the request id) stay. */
    public Mono<Void> send(HttpServerResponse response) {
        return ErrorShape.OPENAI.send(response, this);
    }
}
