package dev.budgetguard.ingest.proxy;

import dev.budgetguard.ingest.proxy.idempotency.IdempotencyStore;
import dev.budgetguard.ingest.proxy.idempotency.RequestFingerprint;
import dev.budgetguard.ingest.proxy.idempotency.StoredAnswer;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;
import java.time.Instant;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The pipeline's side of {@code Idempotency-Key}: a repeat of a completed request (same tenant, same key, same route,
 * request path, query and body, within the store's time to live) is answered with the first answer's status, content type and exact bytes, with
 * {@code Idempotent-Replayed: true}, and is neither forwarded nor billed; the spool gets a refusal record (status
 * {@code rejected}, error code {@code idempotent_replay}, the replayed HTTP status, cost none) so that every request
 * answered still has its line. A repeat while the first is in flight gets 409; the key reused for another request
 * (another body, route, model in the path or query) gets 422.
 *
 * <p>Only a 2xx answer relayed in full is kept; a refused, failed or aborted first request lets its key go, so that
 * the client's retry is served for real.
 */
final class IdempotentRequests {

    static final String REPLAYED = "idempotent_replay";
    static final int MAX_KEY_LENGTH = 255;

    private static final AsciiString REPLAYED_HEADER = AsciiString.cached("Idempotent-Replayed");

    static final ProxyError IN_FLIGHT = new ProxyError(
            409,
            "invalid_request_error",
            null,
            "idempotency_in_flight",
            "A request with this Idempotency-Key is still in progress; retry once it has completed.");
    static final ProxyError KEY_REUSED = new ProxyError(
            422,
            "invalid_request_error",
            null,
            "idempotency_key_reused",
            "This Idempotency-Key was already used with a different request (body, path or query).");
    static final ProxyError INVALID_KEY = new ProxyError(
            400,
            "invalid_request_error",
            null,
            "invalid_idempotency_key",
            "The Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH + " characters.");

    private final IdempotencyStore store;
    private final int maxAnswerBytes;

    IdempotentRequests(IdempotencyStore store, int maxAnswerBytes) {
        this.store = store;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    /**
     * What to do with a request carrying {@code key}: exactly one of a ticket (go ahead), a stored answer (replay)
     * or a refusal is set.
     */
    record Outcome(IdempotencyStore.Ticket ticket, StoredAnswer replay, ProxyError refusal) {}

    /**
     * @param route the endpoint's route ({@code /v1/chat/completions}, {@code /v1beta/models/{model}:generateContent})
     * @param target the exact request path and query the client sent
     */
    Outcome claim(String tenantId, Instant at, String key, String route, String target, byte[] body) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return new Outcome(null, null, INVALID_KEY);
        }
        IdempotencyStore.Claim claim = store.claim(tenantId, key, RequestFingerprint.of(route, target, body), at);
        if (claim instanceof IdempotencyStore.Fresh fresh) {
            return new Outcome(fresh.ticket(), null, null);
        }
        if (claim instanceof IdempotencyStore.Replay replay) {
            return new Outcome(null, replay.answer(), null);
        }
        return new Outcome(null, null, claim instanceof IdempotencyStore.InFlight ? IN_FLIGHT : KEY_REUSED);
    }

    AnswerRecorder recorder() {
        return new AnswerRecorder(maxAnswerBytes);
    }

    /** Keeps the answer of a call that was answered in full with a 2xx; lets the key go otherwise. */
    void ended(IdempotencyStore.Ticket ticket, UsageRecord completion, AnswerRecorder recorder) {
        StoredAnswer answer = recorder == null ? null : recorder.answer();
        boolean answered = completion != null
                && (completion.status() == UsageStatus.OK || completion.status() == UsageStatus.USAGE_MISSING);
        if (answered && answer != null && answer.status() < 300) {
            ticket.complete(answer);
        } else {
            ticket.abandon();
        }
    }

    static Mono<Void> send(HttpServerResponse response, StoredAnswer answer) {
        response.status(answer.status()).header(REPLAYED_HEADER, "true");
        if (answer.contentType() != null) {
            response.header(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        }
        return response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(answer.body().length))
                .sendObject(Unpooled.wrappedBuffer(answer.body()))
                .then();
    }
}
