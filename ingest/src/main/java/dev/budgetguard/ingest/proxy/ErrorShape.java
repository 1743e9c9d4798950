package dev.budgetguard.ingest.proxy;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * How one provider's SDKs expect an error body to look, so that the proxy's own answers surface like that provider's
 * errors. {@link #OPENAI} is {@code {"error":{"message","type","param","code"}}}; its fixed answers are rendered once.
 */
@FunctionalInterface
public interface ErrorShape {

    ErrorShape OPENAI = new ErrorShape() {
        @Override
        public byte[] render(ProxyError error) {
            return ("{\"error\":{\"message\":" + ProxyError.jsonString(error.message()) + ",\"type\":"
                            + ProxyError.jsonString(error.type()) + ",\"param\":" + ProxyError.jsonString(error.param())
                            + ",\"code\":" + ProxyError.jsonString(error.code()) + "}}")
                    .getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] render(ErrorAnswer answer) {
            return answer.openAiBody();
        }
    };

    /** The body of {@code error} in this shape, as UTF-8 JSON. */
    byte[] render(ProxyError error);

    /** The body of one of the fixed answers; a shape may cache these. */
    default byte[] render(ErrorAnswer answer) {
        return render(answer.error());
    }

    /** Sends {@code error} with a Content-Length; headers already set on the response (the request id) stay. */
    default Mono<Void> send(HttpServerResponse response, ProxyError error) {
        return send(response, error.status(), render(error));
    }

    default Mono<Void> send(HttpServerResponse response, ErrorAnswer answer) {
        return send(response, answer.status(), render(answer));
    }

    private static Mono<Void> send(HttpServerResponse response, int status, byte[] body) {
        return response.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
                .sendObject(Unpooled.wrappedBuffer(body))
                .then();
    }
}
