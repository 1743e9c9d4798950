package dev.budgetguard.ingest.proxy.openai;

import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.ACME;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.ACME_KEY;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.as;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.testing.FakeOpenAiUpstream;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.PlannedReply;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Clients that hold connections without making progress are closed; slow answers are not. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:slow-clients-it;DB_CLOSE_DELAY=-1",
            "budgetguard.providers.openai.response-timeout=10s",
            "budgetguard.proxy.idle-timeout=1s",
            "budgetguard.proxy.request-read-timeout=1s"
        })
@Import(ProxyTestSupport.Tenants.class)
@DirtiesContext
class SlowClientsIT {

    static final FakeOpenAiUpstream UPSTREAM = FakeOpenAiUpstream.start();
    /** Far past both timeouts: a connection still open then was never going to be closed. */
    static final Duration GIVE_UP = Duration.ofSeconds(10);

    @TempDir
    static Path spoolDir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("budgetguard.providers.openai.base-url", UPSTREAM::baseUrl);
        registry.add("budgetguard.spool.dir", () -> spoolDir.toString());
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.close();
    }

    @Test
    void partialHeadersTrickledFasterThanTheIdleTimeoutAreClosed() throws Exception {
        // given a client that started a request and sends one header byte every 200 ms, never finishing
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Tenant-Id: "
                    .getBytes(StandardCharsets.US_ASCII));

            // when / then
            assertThat(closedWhileTrickling(socket, out)).isTrue();
        }
    }

    @Test
    void aBodyTrickledFasterThanTheIdleTimeoutIsClosed() throws Exception {
        // given whole headers announcing 1000 bytes, then one byte every 200 ms
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "X-Tenant-Id: " + ACME + "\r\nX-API-Key: " + ACME_KEY
                            + "\r\nContent-Length: 1000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));

            // when / then
            assertThat(closedWhileTrickling(socket, out)).isTrue();
        }
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        // given a connection that never sends anything
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) GIVE_UP.toMillis());

            // when
            int read = socket.getInputStream().read();

            // then the proxy closed it
            assertThat(read).isEqualTo(-1);
        }
    }

    @Test
    void answersSlowerThanTheTimeoutsStillArrive() throws Exception {
        // given an upstream that waits 2.5 s before answering, and a stream of 10 events 250 ms apart
        UPSTREAM.plan(PlannedReply.ok(new Usage(10, 5, 0, 0)).withDelay(Duration.ofMillis(2500)));
        UPSTREAM.plan(PlannedReply.ok(new Usage(10, 5, 0, 0))
                .withContent(Collections.nCopies(10, "tok"))
                .withChunkDelay(Duration.ofMillis(250)));

        // when
        HttpResponse<String> slow = post(port, as(ACME, ACME_KEY), "{\"model\":\"gpt-4o\"}");
        HttpResponse<String> stream = post(port, as(ACME, ACME_KEY), "{\"model\":\"gpt-4o\",\"stream\":true}");

        // then
        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(slow.body()).contains("\"content\":\"Hello there!\"");
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body()).endsWith("data: [DONE]\n\n");
    }

    /** Writes a byte every 200 ms until the proxy closes the connection (true) or {@link #GIVE_UP} passes. */
    private static boolean closedWhileTrickling(Socket socket, OutputStream out) throws IOException {
        socket.setSoTimeout(200);
        InputStream in = socket.getInputStream();
        long giveUpAt = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < giveUpAt) {
            try {
                out.write('a');
                out.flush();
                if (in.read() < 0) {
                    return true;
                }
            } catch (SocketTimeoutException stillOpen) {
                // nothing read within 200 ms: the connection is still open
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }
}
