package dev.budgetguard.ingest.proxy;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Every answer the proxy gives on its own behalf, in OpenAI's error shape so that SDKs surface it like a provider
 * error. Bodies are fixed and rendered once; nothing of the request or of an exception ever goes into them.
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

    private final int status;
    private final String code;
    private final byte[] body;

    ErrorAnswer(int status, String type, String param, String code, String message) {
        this.status = status;
        this.code = code;
        String paramJson = param == null ? "null" : '"' + param + '"';
        this.body = ("{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":" + paramJson
                        + ",\"code\":\"" + code + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    public int status() {
        return status;
    }

    /** The machine-readable code, also written as the record's error code. */
    public String code() {
        return code;
    }

    /** Sends this answer with a Content-Length; headers already set on the response (the request id) stay. */
    public Mono<Void> send(HttpServerResponse response) {
        return response.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
                .sendObject(Unpooled.wrappedBuffer(body))
                .then();
    }
}
