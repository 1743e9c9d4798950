package dev.budgetguard.ingest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.proxy.MeteredCall;
import dev.budgetguard.ingest.proxy.MeteredRequest;
import dev.budgetguard.ingest.proxy.ProviderEndpoint;
import dev.budgetguard.ingest.proxy.ReportedUsage;
import dev.budgetguard.ingest.proxy.StreamInspector;
import dev.budgetguard.ingest.proxy.UsageSink;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Real-shaped provider replies under {@code src/test/resources/dev/budgetguard/ingest/proxy/golden/}: for each
 * provider and route a whole JSON answer and the SSE stream of the same reply, which must give the same usage.
 */
public final class GoldenReplies {

    private static final String ROOT = "/dev/budgetguard/ingest/proxy/golden/";

    private GoldenReplies() {}

    /** The bytes of {@code golden/<name>}, e.g. {@code anthropic/messages-cache-write.sse}. */
    public static byte[] bytes(String name) {
        try (InputStream in = GoldenReplies.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden reply " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stream's events, each with its terminating blank line ({@code \n\n} or {@code \r\n\r\n}). */
    public static List<byte[]> events(String name) {
        return events(bytes(name));
    }

    /** The events of a stream's bytes, each with its terminating blank line. */
    public static List<byte[]> events(byte[] stream) {
        List<byte[]> events = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < stream.length; i++) {
            boolean lf = i + 1 < stream.length && stream[i] == '\n' && stream[i + 1] == '\n';
            boolean crlf = i + 3 < stream.length
                    && stream[i] == '\r'
                    && stream[i + 1] == '\n'
                    && stream[i + 2] == '\r'
                    && stream[i + 3] == '\n';
            if (lf || crlf) {
                int end = i + (lf ? 2 : 4);
                events.add(Arrays.copyOfRange(stream, start, end));
                start = end;
                i = end - 1;
            }
        }
        if (start < stream.length) {
            events.add(Arrays.copyOfRange(stream, start, stream.length));
        }
        return events;
    }

    /**
     * Meters one golden reply the way the proxy does: a {@code .json} body through the endpoint's body usage, a
     * {@code .sse} stream event by event through its stream inspector. The call then ends as the proxy ends an
     * answered one: ok with usage, usage missing without.
     *
     * @param request what the endpoint parsed from the client's request
     */
    public static Metered meter(
            MeteringProbe probe, ProviderEndpoint endpoint, MeteredRequest request, String name, String requestId) {
        MeteredCall call =
                probe.admit(requestId, endpoint.provider(), endpoint.route(), request.model(), request.stream());
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        if (name.endsWith(".sse")) {
            StreamInspector inspector = endpoint.streamInspector(request, call);
            for (byte[] event : events(name)) {
                byte[] out = inspector.inspect(event);
                if (out != null) {
                    client.writeBytes(out);
                }
            }
        } else {
            byte[] body = bytes(name);
            call.usage(endpoint.usageOfBody(body, call::implausibleUsage));
            call.serviceTier(endpoint.serviceTierOfBody(request, body));
            client.writeBytes(body);
        }
        call.finish(call.usage() == null ? UsageStatus.USAGE_MISSING : UsageStatus.OK, 200, null);
        return new Metered(probe.completion(requestId), client.toByteArray());
    }

    /** Streamed and whole give the same record, but for the ids, times and the stream flag. */
    public static void assertSameMetering(UsageRecord streamed, UsageRecord whole) {
        assertThat(streamed.usage()).isEqualTo(whole.usage());
        assertThat(streamed.cost()).isEqualTo(whole.cost());
        assertThat(streamed.serviceTier()).isEqualTo(whole.serviceTier());
        assertThat(streamed.status()).isEqualTo(whole.status());
        assertThat(streamed.model()).isEqualTo(whole.model());
        assertThat(streamed.route()).isEqualTo(whole.route());
        assertThat(streamed.stream()).isTrue();
        assertThat(whole.stream()).isFalse();
    }

    /** A metered golden reply: the completion written, and the bytes the client got. */
    public record Metered(UsageRecord completion, byte[] clientBytes) {}

    /** A {@link UsageSink} keeping the last report. */
    public static final class RecordingSink implements UsageSink {
        private ReportedUsage last;
        private int reports;
        private int implausible;

        @Override
        public void reported(ReportedUsage usage) {
            last = usage;
            reports++;
        }

        @Override
        public void implausible() {
            implausible++;
        }

        public ReportedUsage last() {
            return last;
        }

        public int reports() {
            return reports;
        }

        public int implausibleReports() {
            return implausible;
        }
    }
}
