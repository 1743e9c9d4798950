package dev.budgetguard.ingest.proxy.idempotency;

import java.util.Objects;

/**
 * A finished answer kept for replays: the status, the content type and the exact bytes the client got (a whole body,
 * or every SSE event of a stream in order).
 *
 * @param contentType the answer's {@code Content-Type}, or {@code null} when it had none
 * @param body never modified once stored; shared by every replay
 */
public record StoredAnswer(int status, String contentType, byte[] body) {

    public StoredAnswer {
        Objects.requireNonNull(body, "body");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status: must be an HTTP status, was " + status);
        }
    }
}
