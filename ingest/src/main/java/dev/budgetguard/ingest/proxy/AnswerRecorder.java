package dev.budgetguard.ingest.proxy;

import dev.budgetguard.ingest.proxy.idempotency.StoredAnswer;
import java.util.Arrays;

/**
 * Keeps the answer of one idempotent call as the client got it (status, content type, the exact bytes relayed: the
 * body, or every SSE event in order) up to a size limit; past it nothing is kept and the answer cannot be replayed.
 * Fed in order on the call's event loop.
 */
final class AnswerRecorder {

    private final int limit;
    private int status;
    private String contentType;
    private byte[] bytes = new byte[0];
    private int size;
    private boolean overflowed;

    AnswerRecorder(int limit) {
        this.limit = limit;
    }

    void start(int answeredStatus, String answeredContentType) {
        this.status = answeredStatus;
        this.contentType = answeredContentType;
    }

    /** The whole answer at once; {@code body} is kept as it is (never modified once sent). */
    void whole(int answeredStatus, String answeredContentType, byte[] body) {
        start(answeredStatus, answeredContentType);
        if (body.length > limit) {
            overflowed = true;
            return;
        }
        bytes = body;
        size = body.length;
    }

    void append(byte[] chunk) {
        if (overflowed) {
            return;
        }
        if ((long) size + chunk.length > limit) {
            overflowed = true;
            bytes = null;
            return;
        }
        if (size + chunk.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(bytes.length * 2, size + chunk.length)));
        }
        System.arraycopy(chunk, 0, bytes, size, chunk.length);
        size += chunk.length;
    }

    /** The answer as relayed, or {@code null} when it was never started or outgrew the limit. */
    StoredAnswer answer() {
        if (overflowed || status == 0) {
            return null;
        }
        return new StoredAnswer(status, contentType, size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
    }
}
