package dev.budgetguard.ingest.proxy.wire;

/**
 * Why a request body is refused before forwarding, provider-neutral: each provider route answers it in its own
 * error shape. Messages are fixed; nothing of the request goes into them.
 */
public enum RequestProblem {
    INVALID_JSON(null, "invalid_json", "The request body is not a valid JSON object."),
    MISSING_MODEL("model", "missing_required_parameter", "You must provide a model parameter as a string."),
    INVALID_MODEL(
            "model", "invalid_value", "The model parameter must be at most 256 printable characters, without quotes."),
    INVALID_STREAM("stream", "invalid_type", "The stream parameter must be a boolean."),
    INVALID_INCLUDE_USAGE(
            "stream_options.include_usage",
            "invalid_type",
            "The stream_options.include_usage parameter must be a boolean."),
    UNSUPPORTED_STREAM_FORMAT(
            "alt",
            "unsupported_stream_format",
            "streamGenerateContent is relayed only as server-sent events: add alt=sse to the query."),
    UNKNOWN_METHOD(null, "unknown_method", "The path names no generateContent or streamGenerateContent method.");

    private final String param;
    private final String code;
    private final String message;

    RequestProblem(String param, String code, String message) {
        this.param = param;
        this.code = code;
        this.message = message;
    }

    /** The request field at fault, or {@code null}. */
    public String param() {
        return param;
    }

    /** Machine-readable code, also the refusal record's error code. */
    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}
