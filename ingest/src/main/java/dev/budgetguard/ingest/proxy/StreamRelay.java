package dev.budgetguard.ingest.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;

/**
 * Passes an upstream SSE stream to the client as its events complete, each event shown to the endpoint's
 * {@link StreamInspector} (which takes usage from it and may edit or drop it) before it is sent.
 */
final class StreamRelay {

    private final MeteredCall call;
    private final StreamInspector inspector;
    private final SseFramer framer;
    private final AnswerRecorder recorder;

    /** @param maxEventBytes largest SSE event held; a longer one fails the relay with UpstreamTooLargeException */
    StreamRelay(MeteredCall call, StreamInspector inspector, int maxEventBytes) {
        this.call = call;
        this.inspector = inspector;
        this.recorder = call.recorder();
        this.framer = new SseFramer(maxEventBytes);
    }

    /**
     * What to send, one buffer per upstream chunk that completed at least one event: every event goes out (and is
     * flushed) as soon as the bytes ending it arrive, and events that arrive together share one write and one flush
     * instead of paying a syscall each (an Anthropic reply is a dozen small events, usually in one or two chunks).
     */
    Flux<ByteBuf> relay(ByteBufFlux upstream) {
        // asByteArray copies while Reactor Netty still holds the buffer; the framer keeps bytes across chunks.
        return upstream.asByteArray()
                .map(framer::feed)
                .concatWith(Mono.fromCallable(framer::rest).map(List::of))
                .doOnComplete(call::upstreamDone)
                .handle((events, sink) -> {
                    ByteBuf out = inspected(events);
                    if (out != null) {
                        sink.next(out);
                    }
                });
    }

    /** The events as the client gets them, in one buffer without copying, or {@code null} when none is left. */
    private ByteBuf inspected(List<byte[]> events) {
        byte[][] sent = null;
        int count = 0;
        for (byte[] event : events) {
            byte[] out = inspector.inspect(event);
            if (out == null) {
                continue;
            }
            if (recorder != null) {
                recorder.append(out);
            }
            if (sent == null) {
                sent = new byte[events.size()][];
            }
            sent[count++] = out;
        }
        if (count == 0) {
            return null;
        }
        return count == 1
                ? Unpooled.wrappedBuffer(sent[0])
                : Unpooled.wrappedBuffer(count == sent.length ? sent : Arrays.copyOf(sent, count));
    }
}
