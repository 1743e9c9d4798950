package dev.budgetguard.ingest.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Arrays;
import java.util.function.IntFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Reads a body into one array, failing (for a request, with {@link RequestTooLargeException}) as soon as it passes the
 * limit, so that no peer can make the proxy hold more than the limit in memory.
 *
 * <p>Chunks are copied while Reactor Netty still holds them, so no buffer outlives its release; request bodies are
 * small next to the cost of a provider call, and one array is what the parser and the forwarder both want.
 */
public final class BoundedBody {

    private final int limit;
    private final IntFunction<? extends RuntimeException> tooLarge;
    private byte[] bytes;
    private int size;

    private BoundedBody(int limit, int expected, IntFunction<? extends RuntimeException> tooLarge) {
        this.limit = limit;
        this.tooLarge = tooLarge;
        this.bytes = new byte[expected > 0 ? expected : 1024];
    }

    /**
     * The whole body; {@code declaredLength} (or -1) sizes the array up front.
     *
     * @throws RequestTooLargeException through the Mono once more than {@code limit} bytes arrived
     */
    public static Mono<byte[]> read(HttpServerRequest request, int limit, long declaredLength) {
        return read(request.receive(), limit, declaredLength, RequestTooLargeException::new);
    }

    /**
     * The whole of {@code chunks}, empty when there are none; past {@code limit} bytes the Mono fails with the
     * exception {@code tooLarge} makes of the limit, and the chunks are cancelled.
     */
    public static Mono<byte[]> read(
            Flux<ByteBuf> chunks, int limit, long declaredLength, IntFunction<? extends RuntimeException> tooLarge) {
        if (declaredLength > limit) {
            // Fail on the first chunk rather than at once: the subscription's cancel is what discards the rest.
            return chunks.<byte[]>handle((chunk, sink) -> sink.error(tooLarge.apply(limit)))
                    .next();
        }
        int expected = declaredLength > 0 ? (int) declaredLength : -1;
        return chunks.reduceWith(() -> new BoundedBody(limit, expected, tooLarge), BoundedBody::append)
                .map(BoundedBody::bytes);
    }

    /** The {@code Content-Length} a message declares, or -1 when it declares none (or nothing readable). */
    public static long declaredLength(HttpHeaders headers) {
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

    private BoundedBody append(ByteBuf chunk) {
        int n = chunk.readableBytes();
        if ((long) size + n > limit) {
            throw tooLarge.apply(limit);
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
