package dev.budgetguard.ingest.testing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A local stand-in for any provider that answers each path with a {@link GoldenReplies golden reply}: the whole JSON
 * answer, or for a streamed request ({@code "stream":true} in the body, or Gemini's {@code :streamGenerateContent})
 * its SSE stream, sent event by event as the provider writes it (Anthropic's {@code event:} lines, Gemini's
 * {@code data:} chunks with CRLF, OpenAI's {@code data: [DONE]}). Provider-style headers come with every answer,
 * including one naming the operator's account that must never reach a client. Every request is recorded.
 */
public final class GoldenUpstream implements AutoCloseable {

    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final Queue<Integer> plannedErrors = new ConcurrentLinkedQueue<>();
    private final List<FakeOpenAiUpstream.ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    private GoldenUpstream() {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.route(request -> true, this::handle))
                .bindNow();
    }

    public static GoldenUpstream start() {
        return new GoldenUpstream();
    }

    /** {@code http://127.0.0.1:<port>} followed by {@code apiRoot} ({@code /v1}, {@code /v1beta}). */
    public String baseUrl(String apiRoot) {
        return "http://127.0.0.1:" + server.port() + apiRoot;
    }

    /**
     * Answers requests whose path ends with {@code pathSuffix} (e.g. {@code /messages}, {@code :generateContent})
     * with these bytes: {@code whole} for plain requests, {@code stream} for streamed ones.
     */
    public GoldenUpstream serve(String pathSuffix, byte[] whole, byte[] stream) {
        replies.put(pathSuffix, new Reply(whole, stream));
        return this;
    }

    /** Answers with the golden replies {@code <name>.json} and {@code <name>.sse} (when there is one). */
    public GoldenUpstream serve(String pathSuffix, String name, boolean streams) {
        return serve(
                pathSuffix, GoldenReplies.bytes(name + ".json"), streams ? GoldenReplies.bytes(name + ".sse") : null);
    }

    /** The next request gets this status with a provider-neutral error body. */
    public GoldenUpstream planError(int status) {
        plannedErrors.add(status);
        return this;
    }

    public List<FakeOpenAiUpstream.ReceivedRequest> requests() {
        return List.copyOf(received);
    }

    public void reset() {
        received.clear();
        plannedErrors.clear();
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
                    received.add(new FakeOpenAiUpstream.ReceivedRequest(request.uri(), headersOf(request), body));
                    return respond(request.fullPath(), body, response);
                });
    }

    private Mono<Void> respond(String path, String body, HttpServerResponse response) {
        response.header("request-id", "req_golden_0001")
                .header("x-request-id", "req_golden_0001")
                .header("anthropic-organization-id", "org-operator-secret")
                .header("openai-organization", "org-operator-secret")
                .header("anthropic-ratelimit-requests-remaining", "999")
                .header("x-ratelimit-remaining-requests", "999")
                .header("x-internal-trace", "not-for-clients");
        Integer error = plannedErrors.poll();
        if (error != null) {
            return send(
                    response.status(error),
                    "application/json",
                    "{\"error\":{\"message\":\"planned\"}}".getBytes(StandardCharsets.UTF_8));
        }
        Reply reply = replies.entrySet().stream()
                .filter(e -> path.endsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        if (reply == null) {
            return send(
                    response.status(404),
                    "application/json",
                    "{\"error\":\"no golden reply\"}".getBytes(StandardCharsets.UTF_8));
        }
        boolean stream =
                path.endsWith(":streamGenerateContent") || body.replace(" ", "").contains("\"stream\":true");
        if (stream && reply.stream() != null) {
            response.header("content-type", "text/event-stream; charset=utf-8");
            // One write per event, as providers flush them.
            return response.sendByteArray(Flux.fromIterable(GoldenReplies.events(reply.stream())))
                    .then();
        }
        return send(response, "application/json", reply.whole());
    }

    private static Mono<Void> send(HttpServerResponse response, String type, byte[] bytes) {
        return response.header("content-type", type)
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

    private record Reply(byte[] whole, byte[] stream) {}
}
