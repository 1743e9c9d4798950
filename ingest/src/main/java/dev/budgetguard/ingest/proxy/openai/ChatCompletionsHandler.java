package dev.budgetguard.ingest.proxy.openai;

import dev.budgetguard.ingest.proxy.BoundedBody;
import dev.budgetguard.ingest.proxy.ErrorAnswer;
import dev.budgetguard.ingest.proxy.MeteredCall;
import dev.budgetguard.ingest.proxy.Metering;
import dev.budgetguard.ingest.proxy.RequestTooLargeException;
import dev.budgetguard.ingest.tenant.AuthenticatedTenant;
import dev.budgetguard.ingest.tenant.TenantAuthenticator;
import dev.budgetguard.ingest.tenant.TenantId;
import dev.budgetguard.schemas.spool.SpoolClosedException;
import dev.budgetguard.schemas.spool.SpoolFullException;
import dev.budgetguard.schemas.spool.SpoolIoException;
import dev.budgetguard.schemas.usage.UsageRecord;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * {@code POST /v1/chat/completions} on Reactor Netty: authenticate, read and check the body, spool the admission,
 * forward. Whatever is refused gets an OpenAI-shaped error and a refusal record, and is never forwarded.
 */
public final class ChatCompletionsHandler
        implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

    public static final String ROUTE = "/v1/chat/completions";
    public static final String PROVIDER = "openai";
    public static final String REQUEST_ID_HEADER = "X-BudgetGuard-Request-Id";

    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionsHandler.class);
    private static final AsciiString REQUEST_ID = AsciiString.cached(REQUEST_ID_HEADER);
    private static final AsciiString TENANT = AsciiString.cached("x-tenant-id");
    private static final AsciiString API_KEY = AsciiString.cached("x-api-key");

    private final TenantAuthenticator authenticator;
    private final Metering metering;
    private final UpstreamForwarder forwarder;
    private final int maxBodyBytes;

    ChatCompletionsHandler(
            TenantAuthenticator authenticator, Metering metering, UpstreamForwarder forwarder, int maxBodyBytes) {
        this.authenticator = authenticator;
        this.metering = metering;
        this.forwarder = forwarder;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
        String requestId = metering.newRequestId();
        Instant at = metering.now();
        response.header(REQUEST_ID, requestId);
        HttpHeaders headers = request.requestHeaders();
        String claimed = headers.get(TENANT);
        String key = headers.get(API_KEY);
        if (isBlank(claimed) || isBlank(key)) {
            return refuse(response, requestId, claimed, at, ErrorAnswer.MISSING_CREDENTIALS);
        }
        Optional<AuthenticatedTenant> tenant = authenticator.authenticate(claimed, key);
        if (tenant.isEmpty()) {
            return refuse(response, requestId, claimed, at, ErrorAnswer.INVALID_CREDENTIALS);
        }
        String tenantId = tenant.get().tenantId();
        long declared = declaredLength(headers);
        if (declared > maxBodyBytes) {
            return refuse(response, requestId, tenantId, at, ErrorAnswer.REQUEST_TOO_LARGE);
        }
        return BoundedBody.read(request, maxBodyBytes, declared)
                .flatMap(body -> admitAndForward(request, response, requestId, tenantId, at, body))
                .onErrorResume(
                        RequestTooLargeException.class,
                        e -> refuse(response, requestId, tenantId, at, ErrorAnswer.REQUEST_TOO_LARGE))
                .onErrorResume(e -> unexpected(e, response, requestId));
    }

    private Mono<Void> admitAndForward(
            HttpServerRequest request,
            HttpServerResponse response,
            String requestId,
            String tenantId,
            Instant at,
            byte[] body) {
        ChatRequest chat;
        try {
            chat = ChatRequestParser.parse(body);
        } catch (InvalidChatRequestException e) {
            return refuse(response, requestId, tenantId, at, e.answer());
        }
        UsageRecord admission =
                UsageRecord.admission(requestId, tenantId, PROVIDER, ROUTE, chat.model(), chat.stream(), at);
        Mono<MeteredCall> admitted = metering.admit(admission);
        if (metering.awaitsAdmission()) {
            // The durable admission completes on the spool's writer thread; forward from the call's own loop.
            admitted = admitted.publishOn(Schedulers.fromExecutor(eventLoopOf(request)));
        }
        return admitted.flatMap(call -> forwarder.forward(chat, request.requestHeaders(), call, response))
                .onErrorResume(ChatCompletionsHandler::isSpoolRefusal, e -> {
                    metering.shed();
                    return ErrorAnswer.SPOOL_FULL.send(response);
                });
    }

    private Mono<Void> refuse(
            HttpServerResponse response, String requestId, String tenant, Instant at, ErrorAnswer answer) {
        // What a client claims is recorded only when it looks like a tenant id: never a pasted key, a spreadsheet
        // formula or a few kilobytes of junk in the ledger.
        String claimed = TenantId.isWellFormed(tenant) ? tenant : "-";
        metering.refuse(UsageRecord.refusal(
                requestId, claimed, PROVIDER, ROUTE, null, false, at, answer.status(), answer.code()));
        return answer.send(response);
    }

    private static Mono<Void> unexpected(Throwable failure, HttpServerResponse response, String requestId) {
        if (response.hasSentHeaders()) {
            return Mono.error(failure);
        }
        // The class only: messages of parser or codec failures can quote the request.
        LOG.warn(
                "proxy_failed request_id={} error={}",
                requestId,
                failure.getClass().getName());
        return ErrorAnswer.INTERNAL.send(response);
    }

    private static boolean isSpoolRefusal(Throwable failure) {
        return failure instanceof SpoolFullException
                || failure instanceof SpoolClosedException
                || failure instanceof SpoolIoException;
    }

    private static EventLoop eventLoopOf(HttpServerRequest request) {
        EventLoop[] loop = new EventLoop[1];
        request.withConnection(connection -> loop[0] = connection.channel().eventLoop());
        return loop[0];
    }

    private static long declaredLength(HttpHeaders headers) {
        String value = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
