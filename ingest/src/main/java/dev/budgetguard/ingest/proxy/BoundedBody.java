package dev.budgetguard.ingest.proxy;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Reads a request body into one array, failing with {@link RequestTooLargeException} as soon as it passes the limit.
 *
 * <p>Chunks are copied while Reactor Netty still holds them, so no buffer outlives its release; request bodies are
 * small next to the cost of a provider call, and one array is what the parser and the forwarder both want.
 */
public final class BoundedBody {

    private final int limit;
    private byte[] bytes;
    private int size;

    private BoundedBody(int limit, int expected) {
        this.limit = limit;
        this.bytes = new byte[expected > 0 ? expected : 1024];
    }

    /**
     * The whole body; {@code declaredLength} (or -1) sizes the array up front.
     *
     * @throws RequestTooLargeException through the Mono once more than {@code limit} bytes arrived
     */
    public static Mono<byte[]> read(HttpServerRequest request, int limit, long declaredLength) {
        int expected = declaredLength > 0 && declaredLength <= limit ? (int) declaredLength : -1;
        return request.receive()
                .reduceWith(() -> new BoundedBody(limit, expected), BoundedBody::append)
                .map(BoundedBody::bytes);
    }

    private BoundedBody append(ByteBuf chunk) {
        int n = chunk.readableBytes();
        if ((long) size + n > limit) {
            throw new RequestTooLargeException(limit);
        }
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(bytes.length * 2, size + n)));
        }
        chunk.getBytes(chunk.readerIndex(), bytes, size, n);
        size += n;
        return this;
    }

    private byte[] bytes() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
