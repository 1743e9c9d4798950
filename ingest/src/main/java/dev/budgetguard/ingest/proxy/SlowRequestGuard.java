package dev.budgetguard.ingest.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.NettyPipeline;

/**
 * Closes a client connection that takes longer than the read timeout to send one whole request, counted from the
 * request's first byte: the defence against slowloris clients that trickle headers or a body to hold a connection,
 * and its file descriptor, forever. Reactor Netty's idle timeout only notices silence, and its request timeout starts
 * once the headers are in; this covers headers and body alike, and never runs while an answer is awaited or sent, so
 * long upstream waits and long streams are untouched.
 *
 * <p>Two handlers of one guard per connection, both on its event loop: one before the HTTP codec starts the clock at
 * a request's first byte, one after it stops the clock at the request's last content and, once the response is
 * written, lets the next request's first byte start it again.
 */
final class SlowRequestGuard {

    private static final Logger LOG = LoggerFactory.getLogger(SlowRequestGuard.class);

    private final long timeoutMillis;
    private ScheduledFuture<?> deadline;
    private boolean receiving;
    private boolean answering;

    private SlowRequestGuard(Duration timeout) {
        this.timeoutMillis = Math.max(1, timeout.toMillis());
    }

    /** Adds the guard around the HTTP/1.1 codec of a new server channel; a pipeline without one is left alone. */
    static void install(Channel channel, Duration timeout) {
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(NettyPipeline.HttpCodec) == null) {
            return;
        }
        SlowRequestGuard guard = new SlowRequestGuard(timeout);
        pipeline.addBefore(NettyPipeline.HttpCodec, "bg.slowRequest.bytes", guard.new FirstByte());
        pipeline.addAfter(NettyPipeline.HttpCodec, "bg.slowRequest.messages", guard.new WholeRequest());
    }

    private void start(ChannelHandlerContext ctx) {
        receiving = true;
        deadline = ctx.executor().schedule(() -> expire(ctx), timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void stop() {
        receiving = false;
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        if (receiving) {
            LOG.debug("slow_request_closed timeout_ms={}", timeoutMillis);
            ctx.channel().close();
        }
    }

    private final class FirstByte extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!receiving && !answering && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                start(ctx);
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            stop();
            ctx.fireChannelInactive();
        }
    }

    private final class WholeRequest extends ChannelDuplexHandler {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (receiving && msg instanceof LastHttpContent) {
                stop();
                answering = true;
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof LastHttpContent) {
                answering = false;
            }
            ctx.write(msg, promise);
        }
    }
}
