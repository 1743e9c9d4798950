package dev.budgetguard.ingest.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;

/**
 * Passes an upstream SSE stream to the client event by event, each event shown to the endpoint's
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

    /** The events to send, one buffer each, so that each can be flushed as it completes. */
    Flux<ByteBuf> relay(ByteBufFlux upstream) {
        // asByteArray copies while Reactor Netty still holds the buffer; the framer keeps bytes across chunks.
        return upstream.asByteArray()
                .concatMapIterable(framer::feed)
                .concatWith(Mono.fromCallable(framer::rest))
                .doOnComplete(call::upstreamDone)
                .handle((event, sink) -> {
                    byte[] out = inspector.inspect(event);
                    if (out != null) {
                        if (recorder != null) {
                            recorder.append(out);
                        }
                        sink.next(Unpooled.wrappedBuffer(out));
                    }
                });
    }
}
