package dev.budgetguard.ingest.proxy;

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
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Sends an admitted call to its provider and relays the answer: a whole body with its Content-Length, or an SSE
 * stream event by event through the endpoint's {@link StreamInspector}. Every way the call can end writes the call's
 * completion exactly once. Provider-neutral: the endpoint says where usage is, the upstream which headers cross.
 */
final class UpstreamForwarder {

    private final ProviderEndpoint endpoint;
    private final HttpClient client;
    private final HeaderPolicy headers;
    private final ErrorShape errors;
    private final int maxResponseBytes;

    /**
     * @param upstream pooled client with the base URL, timeouts and the server's key already applied, which keeps no
     *     connection that delivered a 1xx (see {@link Upstream})
     * @param maxResponseBytes largest non-stream body, or SSE event, held in memory
     */
    UpstreamForwarder(ProviderEndpoint endpoint, Upstream upstream, int maxResponseBytes) {
        this.endpoint = endpoint;
        this.client = upstream.client();
        this.headers = upstream.headers();
        this.errors = endpoint.errorShape();
        this.maxResponseBytes = maxResponseBytes;
    }

    Mono<Void> forward(MeteredRequest chat, HttpHeaders inbound, MeteredCall call, HttpServerResponse response) {
        byte[] body = chat.forwardBody();
        return client.post()
                .uri(chat.upstreamPath())
                .send((request, out) -> {
                    headers.toUpstream(inbound, request.requestHeaders());
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
            MeteredRequest chat,
            MeteredCall call,
            HttpClientResponse upstream,
            ByteBufFlux upstreamBody,
            HttpServerResponse response) {
        int status = upstream.status().code();
        if (status < 200) {
            // An interim answer the proxy never asked for; its connection is not pooled, so the final one dies with it.
            call.upstreamDone();
            return refuseAnswer(call, response, ErrorAnswer.UPSTREAM_PROTOCOL_ERROR);
        }
        boolean success = status < 300;
        if (!success) {
            // The provider's own error answer: not billed, whatever happens to it on the way to the client.
            call.providerErrorAnswer();
        }
        if (success && chat.stream()) {
            response.status(status);
            headers.toClient(upstream.responseHeaders(), response.responseHeaders());
            AnswerRecorder recorder = call.recorder();
            if (recorder != null) {
                recorder.start(status, response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE));
            }
            StreamRelay relay = new StreamRelay(call, endpoint.streamInspector(chat, call), maxResponseBytes);
            // The send commits the headers, so it starts with the first event: a stream failing before one (an event
            // past the size limit) still gets a whole error answer instead of a cut 200.
            return relay.relay(upstreamBody)
                    .switchOnFirst(
                            (first, events) -> first.hasValue() ? response.send(events, event -> true) : events.then())
                    .then()
                    .doOnSuccess(done -> finishStream(call, response, status));
        }
        long declared = BoundedBody.declaredLength(upstream.responseHeaders());
        return BoundedBody.read(upstreamBody, maxResponseBytes, declared, UpstreamTooLargeException::new)
                .flatMap(bytes -> {
                    call.upstreamDone();
                    if (success) {
                        call.usage(endpoint.usageOfBody(bytes, call::implausibleUsage));
                        call.serviceTier(endpoint.serviceTierOfBody(chat, bytes));
                    }
                    response.status(status);
                    headers.toClient(upstream.responseHeaders(), response.responseHeaders());
                    response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(bytes.length));
                    AnswerRecorder recorder = call.recorder();
                    if (recorder != null && success) {
                        recorder.whole(status, response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE), bytes);
                    }
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

    /**
     * Whose fault the failure is comes from the client's channel alone: a reset of the upstream connection must never
     * pass for the client leaving (a clean end for the client). Either way a call already sent is billed: the usage
     * seen so far, else the estimate.
     */
    private Mono<Void> failed(Throwable failure, MeteredCall call, HttpServerResponse response) {
        if (clientGone(response)) {
            call.finish(UsageStatus.CLIENT_ABORTED, answered(response), "client_aborted");
            return Mono.empty();
        }
        boolean tooLarge = failure instanceof UpstreamTooLargeException;
        if (response.hasSentHeaders()) {
            // Too late for an error answer: cut the client's connection so that it sees the stream was not complete.
            String code = tooLarge ? ErrorAnswer.UPSTREAM_TOO_LARGE.code() : "upstream_interrupted";
            call.finish(UsageStatus.UPSTREAM_ERROR, response.status().code(), code);
            response.withConnection(Connection::dispose);
            return Mono.empty();
        }
        ErrorAnswer answer;
        if (tooLarge) {
            answer = ErrorAnswer.UPSTREAM_TOO_LARGE;
        } else {
            answer = isTimeout(failure) ? ErrorAnswer.UPSTREAM_TIMEOUT : ErrorAnswer.UPSTREAM_UNAVAILABLE;
        }
        return refuseAnswer(call, response, answer);
    }

    /**
     * Answers for the upstream, which failed before the client got anything. The call costs what {@link Metering}
     * says: nothing when the request was never sent, else the reported usage or the estimate, for the provider may
     * have produced (and billed) an answer that was cut, too large or late.
     */
    private Mono<Void> refuseAnswer(MeteredCall call, HttpServerResponse response, ErrorAnswer answer) {
        call.finish(UsageStatus.UPSTREAM_ERROR, answer.status(), answer.code());
        return errors.send(response, answer);
    }

    private static boolean clientGone(HttpServerResponse response) {
        boolean[] gone = {false};
        response.withConnection(connection -> gone[0] = !connection.channel().isActive());
        return gone[0];
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
        return response.hasSentHeaders() ? response.status().code() : Metering.CLIENT_CLOSED;
    }
}
