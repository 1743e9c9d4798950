package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.proxy.ErrorAnswer;
import dev.budgetguard.ingest.proxy.MeteredCall;
import dev.budgetguard.schemas.usage.UsageStatus;
import io.netty.buffer.Unpooled;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.timeout.ReadTimeoutException;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Sends an admitted call to OpenAI and relays the answer: a whole body with its Content-Length, or an SSE stream
 * event by event. Every way the call can end writes the call's completion exactly once.
 */
final class UpstreamForwarder {

    /** Status recorded when the client left before anything was answered (nginx's "client closed request"). */
    static final int CLIENT_CLOSED = 499;

    private static final String PATH = "/chat/completions";
    private static final byte[] EMPTY = new byte[0];

    private final HttpClient client;

    /** @param client pooled client with the base URL, timeouts and the server's key already applied */
    UpstreamForwarder(HttpClient client) {
        this.client = client;
    }

    Mono<Void> forward(ChatRequest chat, HttpHeaders inbound, MeteredCall call, HttpServerResponse response) {
        byte[] body = chat.forwardBody();
        return client.post()
                .uri(PATH)
                .send((request, out) -> {
                    HeaderPolicy.toUpstream(inbound, request.requestHeaders());
                    request.requestHeaders().set(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
                    call.forwarding();
                    // A fresh buffer per subscription: Reactor Netty may resend once on a stale pooled connection.
                    return out.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)));
                })
                .response((upstream, upstreamBody) -> answer(chat, call, upstream, upstreamBody, response))
                .then()
                .onErrorResume(failure -> failed(failure, call, response))
                .doOnCancel(() -> call.finish(UsageStatus.CLIENT_ABORTED, answered(response), "client_aborted"));
    }

    private Publisher<Void> answer(
            ChatRequest chat,
            MeteredCall call,
            HttpClientResponse upstream,
            ByteBufFlux upstreamBody,
            HttpServerResponse response) {
        int status = upstream.status().code();
        boolean success = status >= 200 && status < 300;
        response.status(status);
        HeaderPolicy.toClient(upstream.responseHeaders(), response);
        if (success && chat.stream()) {
            StreamRelay relay = new StreamRelay(call, chat.usageInjected());
            return response.send(relay.relay(upstreamBody), event -> true)
                    .then()
                    .doOnSuccess(done -> finishStream(call, response, status));
        }
        return upstreamBody.aggregate().asByteArray().defaultIfEmpty(EMPTY).flatMap(bytes -> {
            call.upstreamDone();
            if (success) {
                call.usage(UsageParser.fromBody(bytes, 0, bytes.length));
            }
            response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(bytes.length));
            return response.sendObject(Unpooled.wrappedBuffer(bytes))
                    .then()
                    .doOnSuccess(done -> finishAnswered(call, success, status));
        });
    }

    /**
     * A stream's send also ends normally when the client hung up (Reactor Netty completes the outbound of a closed
     * channel), so only a stream whose upstream ran to its end counts as answered.
     */
    private static void finishStream(MeteredCall call, HttpServerResponse response, int status) {
        if (call.upstreamFinished()) {
            finishAnswered(call, true, status);
        } else {
            call.finish(UsageStatus.CLIENT_ABORTED, answered(response), "client_aborted");
        }
    }

    private static void finishAnswered(MeteredCall call, boolean success, int status) {
        if (!success) {
            call.finish(UsageStatus.UPSTREAM_ERROR, status, "upstream_http_" + status);
        } else if (call.usage() == null) {
            call.finish(UsageStatus.USAGE_MISSING, status, null);
        } else {
            call.finish(UsageStatus.OK, status, null);
        }
    }

    private static Mono<Void> failed(Throwable failure, MeteredCall call, HttpServerResponse response) {
        if (failure instanceof AbortedException || AbortedException.isConnectionReset(failure)) {
            call.finish(UsageStatus.CLIENT_ABORTED, answered(response), "client_aborted");
            return Mono.empty();
        }
        if (response.hasSentHeaders()) {
            // Too late for an error answer: end the client's connection so that it sees the stream was cut.
            call.finish(UsageStatus.UPSTREAM_ERROR, response.status().code(), "upstream_interrupted");
            return Mono.error(failure);
        }
        ErrorAnswer answer = isTimeout(failure) ? ErrorAnswer.UPSTREAM_TIMEOUT : ErrorAnswer.UPSTREAM_UNAVAILABLE;
        call.finish(UsageStatus.UPSTREAM_ERROR, answer.status(), answer.code());
        return answer.send(response);
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ReadTimeoutException
                    || t instanceof ConnectTimeoutException
                    || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static int answered(HttpServerResponse response) {
        return response.hasSentHeaders() ? response.status().code() : CLIENT_CLOSED;
    }
}
