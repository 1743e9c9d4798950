package dev.budgetguard.ingest.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for {@code https://api.openai.com/v1}: {@code POST /v1/chat/completions} answers with OpenAI's
 * {@code chat.completion} JSON, or with its SSE stream when the request says {@code "stream": true} (usage only in an
 * extra {@code "choices":[]} chunk, and {@code "usage":null} on every other chunk, when the request sets
 * {@code stream_options.include_usage}). Replies follow a queue of {@link PlannedReply}s, else {@link #defaultReply};
 * every request is recorded.
 */
public final class FakeOpenAiUpstream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Queue<PlannedReply> planned = new ConcurrentLinkedQueue<>();
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private volatile PlannedReply defaultReply = PlannedReply.ok(new Usage(10, 5, 0, 0));
    private final DisposableServer server;

    private FakeOpenAiUpstream() {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.post("/v1/chat/completions", this::handle))
                .bindNow();
    }

    public static FakeOpenAiUpstream start() {
        return new FakeOpenAiUpstream();
    }

    public int port() {
        return server.port();
    }

    /** What to configure as {@code budgetguard.providers.openai.base-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** Queues the reply to the next request that has none planned. */
    public FakeOpenAiUpstream plan(PlannedReply reply) {
        planned.add(reply);
        return this;
    }

    public FakeOpenAiUpstream defaultReply(PlannedReply reply) {
        this.defaultReply = reply;
        return this;
    }

    public List<ReceivedRequest> requests() {
        return List.copyOf(received);
    }

    /** Forgets planned replies and recorded requests. */
    public void reset() {
        planned.clear();
        received.clear();
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        return request.receive()
                .aggregate()
                .asString(StandardCharsets.UTF_8)
                .defaultIfEmpty("")
                .flatMap(body -> {
                    received.add(new ReceivedRequest(request.uri(), headersOf(request), body));
                    PlannedReply reply = planned.poll();
                    PlannedReply answer = reply == null ? defaultReply : reply;
                    return Mono.delay(answer.delay()).then(respond(answer, body, response));
                });
    }

    private static Mono<Void> respond(PlannedReply reply, String body, HttpServerResponse response) {
        response.status(reply.status())
                .header("x-request-id", "req_fake")
                .header("openai-processing-ms", "7")
                .header("openai-version", "2020-10-01")
                .header("x-ratelimit-remaining-requests", "9999")
                .header("x-internal-trace", "not-for-clients");
        reply.headers().forEach(response::header);
        if (reply.status() >= 300) {
            return sendJson(response, reply.errorBody());
        }
        JsonNode request = JSON.readTree(body);
        String model = request.path("model").asString("unknown");
        if (request.path("stream").asBoolean(false)) {
            boolean includeUsage =
                    request.path("stream_options").path("include_usage").asBoolean(false);
            response.header("content-type", "text/event-stream; charset=utf-8");
            Flux<String> events = Flux.fromIterable(OpenAiWire.streamEvents(model, reply, includeUsage));
            if (!reply.chunkDelay().isZero()) {
                events = events.delayElements(reply.chunkDelay());
            }
            return response.sendString(events).then();
        }
        return sendJson(response, OpenAiWire.completion(model, reply));
    }

    private static Mono<Void> sendJson(HttpServerResponse response, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return response.header("content-type", "application/json")
                .header("content-length", Integer.toString(bytes.length))
                .sendByteArray(Mono.just(bytes))
                .then();
    }

    private static Map<String, String> headersOf(HttpServerRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.requestHeaders()
                .forEach(h -> headers.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(), (a, b) -> a + "," + b));
        return headers;
    }

    /** Token counts a reply reports, in OpenAI's terms ({@code prompt} includes {@code cached}). */
    public record Usage(long prompt, long completion, long cached, long reasoning) {}

    /**
     * One reply.
     *
     * @param usage reported usage, {@code null} to report none at all (no {@code usage} key, no usage chunk)
     * @param delay wait before the status line
     * @param chunkDelay wait before each SSE event
     */
    public record PlannedReply(
            int status,
            String errorBody,
            Map<String, String> headers,
            Usage usage,
            List<String> content,
            Duration delay,
            Duration chunkDelay) {

        public static PlannedReply ok(Usage usage) {
            return new PlannedReply(
                    200, null, Map.of(), usage, List.of("Hello", " there", "!"), Duration.ZERO, Duration.ZERO);
        }

        public static PlannedReply error(int status, String errorBody, Map<String, String> headers) {
            return new PlannedReply(status, errorBody, headers, null, List.of(), Duration.ZERO, Duration.ZERO);
        }

        public PlannedReply withDelay(Duration wait) {
            return new PlannedReply(status, errorBody, headers, usage, content, wait, chunkDelay);
        }

        public PlannedReply withChunkDelay(Duration wait) {
            return new PlannedReply(status, errorBody, headers, usage, content, delay, wait);
        }

        public PlannedReply withContent(List<String> pieces) {
            return new PlannedReply(status, errorBody, headers, usage, new ArrayList<>(pieces), delay, chunkDelay);
        }
    }

    /**
     * A request as the upstream received it.
     *
     * @param headers lower-cased names; repeated headers joined with commas
     */
    public record ReceivedRequest(String uri, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }
}
