package dev.budgetguard.ingest.proxy.openai;

import java.util.List;

/**
 * The OpenAI routes the proxy meters, with what differs between them: the upstream path, whether it streams, whether
 * stream usage has to be asked for ({@code stream_options.include_usage}; the Responses API always sends it in
 * {@code response.completed}), which request fields bound the output, and which usage shape the answer reports.
 */
public enum OpenAiRoute {
    CHAT("/v1/chat/completions", "/chat/completions", true, true, List.of("max_completion_tokens", "max_tokens")),
    COMPLETIONS("/v1/completions", "/completions", true, true, List.of("max_tokens")),
    RESPONSES("/v1/responses", "/responses", true, false, List.of("max_output_tokens")),
    EMBEDDINGS("/v1/embeddings", "/embeddings", false, false, List.of());

    private final String route;
    private final String upstreamPath;
    private final boolean streams;
    private final boolean asksForStreamUsage;
    private final List<String> outputBounds;

    OpenAiRoute(
            String route, String upstreamPath, boolean streams, boolean asksForStreamUsage, List<String> outputBounds) {
        this.route = route;
        this.upstreamPath = upstreamPath;
        this.streams = streams;
        this.asksForStreamUsage = asksForStreamUsage;
        this.outputBounds = outputBounds;
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

    /** Request fields bounding the output, the first one present winning. */
    List<String> outputBounds() {
        return outputBounds;
    }

    /** Whether the answer produces output tokens at all (embeddings do not). */
    public boolean producesOutput() {
        return this != EMBEDDINGS;
    }
}
