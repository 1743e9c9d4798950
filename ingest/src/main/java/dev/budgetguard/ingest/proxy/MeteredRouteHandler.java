package dev.budgetguard.ingest.proxy;

import dev.budgetguard.ingest.admission.CostEstimate;
import dev.budgetguard.ingest.proxy.idempotency.IdempotencyStore;
import dev.budgetguard.ingest.proxy.idempotency.StoredAnswer;
import dev.budgetguard.ingest.tenant.AuthenticatedTenant;
import dev.budgetguard.ingest.tenant.TenantAuthenticator;
import dev.budgetguard.ingest.tenant.TenantId;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * One metered route's pipeline on Reactor Netty, the same for every provider: request id, authenticate, read the body
 * within its limit, parse (the endpoint's part), answer a repeated {@code Idempotency-Key} from its first result,
 * reserve the worst-case cost and count the rate limits, spool the admission (carrying the estimate), forward.
 * Whatever is refused gets an error in the endpoint's shape and a refusal record, holds nothing, and is never
 * forwarded; a failure of the collector itself before anything was spooled is answered 500 with a refusal record
 * ({@code internal_error}), so every request answered leaves a line.
 */
public final class MeteredRouteHandler implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

    public static final String REQUEST_ID_HEADER = "X-BudgetGuard-Request-Id";

    private static final Logger LOG = LoggerFactory.getLogger(MeteredRouteHandler.class);
    private static final AsciiString REQUEST_ID = AsciiString.cached(REQUEST_ID_HEADER);
    private static final AsciiString TENANT = AsciiString.cached("x-tenant-id");
    private static final AsciiString IDEMPOTENCY_KEY = AsciiString.cached("idempotency-key");

    private final ProviderEndpoint endpoint;
    private final ErrorShape errors;
    private final AsciiString apiKey;
    private final TenantAuthenticator authenticator;
    private final Metering metering;
    private final UpstreamForwarder forwarder;
    private final AdmissionControl admission;
    private final IdempotentRequests idempotency;
    private final int maxBodyBytes;

    MeteredRouteHandler(
            MeteredRoute route,
            TenantAuthenticator authenticator,
            Metering metering,
            AdmissionControl admission,
            IdempotentRequests idempotency,
            ProxyProperties properties) {
        this.endpoint = route.endpoint();
        this.errors = endpoint.errorShape();
        this.apiKey = AsciiString.cached(endpoint.apiKeyHeader());
        this.authenticator = authenticator;
        this.metering = metering;
        this.admission = admission;
        this.idempotency = idempotency;
        this.forwarder = new UpstreamForwarder(endpoint, route.upstream(), properties.maxResponseBytes());
        this.maxBodyBytes = properties.maxBodyBytes();
    }

    String provider() {
        return endpoint.provider();
    }

    List<String> paths() {
        return endpoint.paths();
    }

    @Override
    public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
        String requestId = metering.newRequestId();
        Instant at = metering.now();
        Trail trail = new Trail(requestId, at);
        response.header(REQUEST_ID, requestId);
        HttpHeaders headers = request.requestHeaders();
        String claimed = headers.get(TENANT);
        String key = headers.get(apiKey);
        if (isBlank(claimed) || isBlank(key)) {
            return refuse(response, trail, claimed, ErrorAnswer.MISSING_CREDENTIALS.error());
        }
        Optional<AuthenticatedTenant> tenant = authenticator.authenticate(claimed, key);
        if (tenant.isEmpty()) {
            return refuse(response, trail, claimed, ErrorAnswer.INVALID_CREDENTIALS.error());
        }
        String tenantId = tenant.get().tenantId();
        trail.tenantId = tenantId;
        long declared = BoundedBody.declaredLength(headers);
        if (declared > maxBodyBytes) {
            return refuse(response, trail, tenantId, ErrorAnswer.REQUEST_TOO_LARGE.error());
        }
        return BoundedBody.read(request, maxBodyBytes, declared)
                .flatMap(body -> admitAndForward(request, response, trail, body))
                .onErrorResume(
                        RequestTooLargeException.class,
                        e -> refuse(response, trail, tenantId, ErrorAnswer.REQUEST_TOO_LARGE.error()))
                .onErrorResume(e -> unexpected(e, response, trail));
    }

    private Mono<Void> admitAndForward(
            HttpServerRequest request, HttpServerResponse response, Trail trail, byte[] body) {
        MeteredRequest metered;
        String uri = request.uri();
        try {
            int q = uri.indexOf('?');
            metered = q < 0
                    ? endpoint.parse(uri, "", body)
                    : endpoint.parse(uri.substring(0, q), uri.substring(q + 1), body);
        } catch (InvalidProxyRequestException e) {
            return refuse(response, trail, trail.tenantId, e.error());
        }
        trail.request = metered;
        Call call = new Call(trail.requestId, trail.tenantId, trail.at, metered, trail);
        String key = request.requestHeaders().get(IDEMPOTENCY_KEY);
        if (key == null) {
            return admit(request, response, call, null);
        }
        IdempotentRequests.Outcome idempotent =
                idempotency.claim(call.tenantId, call.at, key, endpoint.route(), uri, body);
        if (idempotent.ticket() != null) {
            return admit(request, response, call, idempotent.ticket());
        }
        if (idempotent.replay() != null) {
            return replay(response, call, idempotent.replay());
        }
        return refuse(response, call, idempotent.refusal(), 0);
    }

    private Mono<Void> admit(
            HttpServerRequest request, HttpServerResponse response, Call call, IdempotencyStore.Ticket ticket) {
        if (admission.estimatesOnTheLoop(call.request)) {
            return admit(request, response, call, ticket, admission.estimate(call.request, call.at));
        }
        // A long prompt is tokenized on a worker so that the event loop never stalls on it; the money is reserved
        // back on the call's loop, so a client leaving meanwhile drops a number, never a hold.
        return Mono.fromCallable(() -> admission.estimate(call.request, call.at))
                .subscribeOn(Schedulers.boundedElastic())
                .publishOn(Schedulers.fromExecutor(eventLoopOf(request)))
                .flatMap(estimate -> admit(request, response, call, ticket, estimate))
                .doOnCancel(() -> abandon(ticket))
                .doOnError(e -> abandon(ticket));
    }

    private Mono<Void> admit(
            HttpServerRequest request,
            HttpServerResponse response,
            Call call,
            IdempotencyStore.Ticket ticket,
            CostEstimate estimate) {
        AdmissionControl.Decision decision = admission.admit(call.tenantId, call.request.model(), estimate, call.at);
        if (decision instanceof AdmissionControl.Refused refused) {
            abandon(ticket);
            return refuse(response, call, refused.error(), refused.retryAfterSeconds());
        }
        AdmissionControl.Admitted admitted = (AdmissionControl.Admitted) decision;
        MeteredRequest metered = call.request;
        AnswerRecorder recorder = ticket == null ? null : idempotency.recorder();
        MeteredCall.Ending ending = completion -> ended(call.tenantId, completion, recorder, ticket);
        Mono<MeteredCall> spooled;
        try {
            UsageRecord record = UsageRecord.admission(
                    call.requestId,
                    call.tenantId,
                    endpoint.provider(),
                    endpoint.route(),
                    metered.model(),
                    metered.stream(),
                    call.at,
                    admitted.estimate().cost());
            spooled = metering.admit(record, admitted.reservation(), recorder, ending);
            // From here the call's completion is its record, whatever happens.
            call.trail.recorded.set(true);
        } catch (RuntimeException e) {
            // Nothing was spooled: the hold and the key go with the failure.
            admitted.reservation().release();
            ending.ended(null);
            throw e;
        }
        if (metering.awaitsAdmission()) {
            // The durable admission completes on the spool's writer thread; forward from the call's own loop.
            spooled = spooled.publishOn(Schedulers.fromExecutor(eventLoopOf(request)));
        }
        return spooled.flatMap(started -> forwarder
                        .forward(metered, request.requestHeaders(), started, response)
                        // A net under every ending the forwarder covers: no call may keep its hold.
                        .doFinally(signal -> started.finish(UsageStatus.UPSTREAM_ERROR, 500, "internal_error")))
                .onErrorResume(Metering::isSpoolRefusal, e -> {
                    abandon(ticket);
                    metering.shed();
                    return errors.send(response, ErrorAnswer.SPOOL_FULL);
                });
    }

    private static void abandon(IdempotencyStore.Ticket ticket) {
        if (ticket != null) {
            ticket.abandon();
        }
    }

    /** Counts the output produced against tokens per minute and keeps (or lets go) an idempotent answer. */
    private void ended(
            String tenantId, UsageRecord completion, AnswerRecorder recorder, IdempotencyStore.Ticket ticket) {
        if (completion != null) {
            admission.recordOutput(tenantId, completion.usage().outputTokens(), completion.completedAt());
        }
        if (ticket != null) {
            idempotency.ended(ticket, completion, recorder);
        }
    }

    private Mono<Void> replay(HttpServerResponse response, Call call, StoredAnswer answer) {
        call.trail.recorded.set(true);
        metering.refuse(
                endpoint,
                call.requestId,
                call.tenantId,
                call.request,
                call.at,
                answer.status(),
                IdempotentRequests.REPLAYED);
        return IdempotentRequests.send(response, answer);
    }

    private Mono<Void> refuse(HttpServerResponse response, Call call, ProxyError error, long retryAfterSeconds) {
        if (retryAfterSeconds > 0) {
            response.header(HttpHeaderNames.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        call.trail.recorded.set(true);
        metering.refuse(endpoint, call.requestId, call.tenantId, call.request, call.at, error.status(), error.code());
        return errors.send(response, error);
    }

    private Mono<Void> refuse(HttpServerResponse response, Trail trail, String tenant, ProxyError error) {
        // What a client claims is recorded only when it looks like a tenant id: never a pasted key, a spreadsheet
        // formula or a few kilobytes of junk in the ledger.
        String claimed = TenantId.isWellFormed(tenant) ? tenant : "-";
        trail.recorded.set(true);
        metering.refuse(endpoint, trail.requestId, claimed, null, trail.at, error.status(), error.code());
        return errors.send(response, error);
    }

    /** One authenticated, parsed request on its way through admission. */
    private record Call(String requestId, String tenantId, Instant at, MeteredRequest request, Trail trail) {}

    /**
     * What is known of one request as it goes, for the answer to a failure of the collector itself: whether a record
     * was already spooled for it (a refusal, or an admission whose completion follows), and if not, what to put in
     * the refusal record.
     */
    private static final class Trail {
        final String requestId;
        final Instant at;
        final AtomicBoolean recorded = new AtomicBoolean();
        volatile String tenantId;
        volatile MeteredRequest request;

        Trail(String requestId, Instant at) {
            this.requestId = requestId;
            this.at = at;
        }
    }

    private Mono<Void> unexpected(Throwable failure, HttpServerResponse response, Trail trail) {
        if (response.hasSentHeaders()) {
            return Mono.error(failure);
        }
        // The class only: messages of parser or codec failures can quote the request.
        LOG.warn(
                "proxy_failed request_id={} route={} error={}",
                trail.requestId,
                endpoint.route(),
                failure.getClass().getName());
        if (trail.recorded.compareAndSet(false, true)) {
            String tenant = trail.tenantId == null ? "-" : trail.tenantId;
            ErrorAnswer internal = ErrorAnswer.INTERNAL;
            metering.refuse(
                    endpoint, trail.requestId, tenant, trail.request, trail.at, internal.status(), internal.code());
        }
        return errors.send(response, ErrorAnswer.INTERNAL);
    }

    private static EventLoop eventLoopOf(HttpServerRequest request) {
        EventLoop[] loop = new EventLoop[1];
        request.withConnection(connection -> loop[0] = connection.channel().eventLoop());
        return loop[0];
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
