package dev.budgetguard.ingest.proxy.openai;

/**
 * The OpenAI routes the proxy meters besides chat completions ({@link ChatCompletionsEndpoint}), with what differs between them: the upstream path, whether it streams, whether
 * stream usage has to be asked for ({@code stream_options.include_usage}; the Responses API always sends it in
 * {@code response.completed}), which request field bounds the output, and which usage shape the answer reports.
 */
public enum OpenAiRoute {
    COMPLETIONS("/v1/completions", "/completions", true, true, "max_tokens"),
    RESPONSES("/v1/responses", "/responses", true, false, "max_output_tokens"),
    EMBEDDINGS("/v1/embeddings", "/embeddings", false, false, null);

    private final String route;
    private final String upstreamPath;
    private final boolean streams;
    private final boolean asksForStreamUsage;
    private final String outputBound;

    OpenAiRoute(String route, String upstreamPath, boolean streams, boolean asksForStreamUsage, String outputBound) {
        this.route = route;
        this.upstreamPath = upstreamPath;
        this.streams = streams;
        this.asksForStreamUsage = asksForStreamUsage;
        this.outputBound = outputBound;
    }

    /** The path clients call, also the record's route. */
    public String route() {
        return route;
    }

    /** The path appended to the OpenAI base URL (which ends in {@code /v1}). */
    public String upstreamPath() {
        return upstreamPath;
    }

    public boolean streams() {
        return streams;
    }

    boolean asksForStreamUsage() {
        return asksForStreamUsage;
    }

    /** The request field bounding the output, {@code null} when the route has none. */
    String outputBound() {
        return outputBound;
    }

    /** Whether the answer produces output tokens at all (embeddings do not). */
    public boolean producesOutput() {
        return this != EMBEDDINGS;
    }
}
