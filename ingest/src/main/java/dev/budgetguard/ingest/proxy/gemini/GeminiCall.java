package dev.budgetguard.ingest.proxy.gemini;

import dev.budgetguard.ingest.proxy.ErrorAnswer;
import dev.budgetguard.ingest.proxy.InvalidProxyRequestException;
import dev.budgetguard.ingest.proxy.ProxyError;
import dev.budgetguard.ingest.proxy.wire.StrictJson;

/**
 * What a Gemini request path says: {@code /v1beta/models/{model}:generateContent} or
 * {@code :streamGenerateContent}, the latter only with {@code alt=sse}. Gemini's other stream form, one JSON array
 * written piece by piece, is refused with a clear answer rather than relayed unmetered.
 *
 * @param model the model id from the path, as plausible as any body's model must be
 * @param stream whether the method is {@code streamGenerateContent}
 */
public record GeminiCall(String model, boolean stream) {

    public static final String PREFIX = "/v1beta/models/";
    public static final String GENERATE = ":generateContent";
    public static final String STREAM = ":streamGenerateContent";

    static final ProxyError NOT_SSE = new ProxyError(
            400,
            "invalid_request_error",
            "alt",
            "unsupported_stream_format",
            "streamGenerateContent is relayed only as server-sent events: add alt=sse to the query.");
    static final ProxyError UNKNOWN_METHOD = new ProxyError(
            404,
            "invalid_request_error",
            null,
            "unknown_method",
            "The path names no models/{model}:generateContent or :streamGenerateContent method.");

    /** The path forwarded upstream, below the base URL's {@code /v1beta}. */
    public String upstreamPath() {
        return "/models/" + model + (stream ? STREAM + "?alt=sse" : GENERATE);
    }

    /**
     * @param path the request path without its query
     * @param query the raw query string, {@code null} or empty when none
     * @throws InvalidProxyRequestException for a path naming no method, an implausible model, or a stream without
     *     {@code alt=sse}
     */
    public static GeminiCall of(String path, String query) {
        if (!path.startsWith(PREFIX)) {
            throw new InvalidProxyRequestException(UNKNOWN_METHOD);
        }
        String rest = path.substring(PREFIX.length());
        boolean stream;
        String model;
        if (rest.endsWith(STREAM)) {
            stream = true;
            model = rest.substring(0, rest.length() - STREAM.length());
        } else if (rest.endsWith(GENERATE)) {
            stream = false;
            model = rest.substring(0, rest.length() - GENERATE.length());
        } else {
            throw new InvalidProxyRequestException(UNKNOWN_METHOD);
        }
        if (!isPlainModelId(model)) {
            throw new InvalidProxyRequestException(
                    model.isEmpty() ? ErrorAnswer.MISSING_MODEL : ErrorAnswer.INVALID_MODEL);
        }
        if (stream && !asksForSse(query)) {
            throw new InvalidProxyRequestException(NOT_SSE);
        }
        return new GeminiCall(model, stream);
    }

    public GeminiCall {
        if (!isPlainModelId(model)) {
            throw new IllegalArgumentException("model must be a plain Gemini model id");
        }
    }

    /**
     * Letters, digits, {@code . _ -} only: the id is pasted into the upstream path, so nothing that could change the
     * path (a slash, a percent escape, a colon) gets through.
     */
    private static boolean isPlainModelId(String model) {
        if (model.isEmpty() || !StrictJson.isPlausibleModel(model)) {
            return false;
        }
        for (int i = 0; i < model.length(); i++) {
            char c = model.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean asksForSse(String query) {
        if (query == null) {
            return false;
        }
        for (String parameter : query.split("&")) {
            if (parameter.equals("alt=sse")) {
                return true;
            }
        }
        return false;
    }
}
