package dev.budgetguard.ingest.proxy.openai;

import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.ACME;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.ACME_KEY;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.as;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.post;
import static dev.budgetguard.ingest.proxy.openai.ProxyTestSupport.requestId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.testing.SpoolContents;
import dev.budgetguard.schemas.usage.CostStatus;
import dev.budgetguard.schemas.usage.RecordKind;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An unreachable provider, with the spool in {@code fsync: always} mode (forwarding waits for the admission). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:upstream-down-it;DB_CLOSE_DELAY=-1",
            "budgetguard.spool.fsync=always",
            "budgetguard.proxy.event-loop-threads=1"
        })
@Import(ProxyTestSupport.Tenants.class)
@DirtiesContext
class UpstreamDownIT {

    @TempDir
    static Path spoolDir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        registry.add("budgetguard.providers.openai.base-url", () -> "http://127.0.0.1:" + closedPort + "/v1");
        registry.add("budgetguard.spool.dir", () -> spoolDir.toString());
    }

    @Test
    void unreachableUpstreamIs502AndRecordedAtNoCost() throws Exception {
        // when
        HttpResponse<String> response = post(port, as(ACME, ACME_KEY), "{\"model\":\"gpt-4o\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body())
                .isEqualTo("{\"error\":{\"message\":\"The upstream provider could not be reached.\","
                        + "\"type\":\"server_error\",\"param\":null,\"code\":\"upstream_unavailable\"}}");
        SpoolContents spool = new SpoolContents(spoolDir);
        UsageRecord completion = spool.await(requestId(response), RecordKind.COMPLETION);
        assertThat(completion.status()).isEqualTo(UsageStatus.UPSTREAM_ERROR);
        assertThat(completion.httpStatus()).isEqualTo(502);
        assertThat(completion.errorCode()).isEqualTo("upstream_unavailable");
        assertThat(completion.cost().status()).isEqualTo(CostStatus.NONE);
        assertThat(completion.cost().amountUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(spool.ofRequest(completion.requestId()))
                .extracting(UsageRecord::kind)
                .containsExactlyInAnyOrder(RecordKind.ADMISSION, RecordKind.COMPLETION);
    }
}
