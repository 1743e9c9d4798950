package dev.budgetguard.ingest.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.budgetguard.ingest.admission.Admission;
import dev.budgetguard.ingest.admission.SpendLedger;
import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetPeriod;
import dev.budgetguard.schemas.budget.BudgetWindow;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Threshold crossings from real settles, recorded once in {@code alert_event} and posted to a local webhook receiver
 * whose first answer is a 500, so the retry is what delivers it.
 */
// The database comes from a property source of lower precedence than @DynamicPropertySource, so that a subclass can
// move the same test onto PostgreSQL.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"budgetguard.alerts.initial-backoff=50ms", "budgetguard.alerts.max-backoff=200ms"})
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:alert-delivery-it;DB_CLOSE_DELAY=-1")
@DirtiesContext
class AlertDeliveryIT {

    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();
    private static HttpServer receiver;

    @TempDir
    static Path spoolDir;

    @Autowired
    SpendLedger ledger;

    @Autowired
    AlertDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("budgetguard.spool.dir", () -> spoolDir.toString());
        registry.add(
                "budgetguard.alerts.webhook-url",
                () -> "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/budget");
    }

    @BeforeEach
    void freshReceiver() {
        RECEIVED.clear();
        ATTEMPTS.set(0);
    }

    @BeforeAll
    static void startReceiver() {
        receiver = receiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void crossingFiftyPercentIsRecordedOnceAndDeliveredOnTheSecondAttempt() throws Exception {
        // given a $1.00 daily budget with the default thresholds 50/80/100
        Instant at = Instant.now();
        Budget budget = new Budget("b-alert", "acme", BudgetPeriod.DAILY, new BigDecimal("1.00"), ZoneId.of("UTC"));
        BudgetWindow window = budget.window(at).orElseThrow();
        ledger.replaceBudgets("acme", List.of(budget));

        // when $0.30 then $0.25 settle: the second crosses $0.50 and nothing else
        settle(at, "0.30");
        settle(at, "0.25");
        awaitDelivered(1);

        // and the same crossing comes again, as from another node or after a restart
        dispatcher.accept(new AlertEvent(
                "b-alert", "acme", window, 50, new BigDecimal("0.60"), new BigDecimal("1.00"), Instant.now()));
        Thread.sleep(300);

        // then the receiver got the one event twice (500, then 200) and nothing more
        assertThat(ATTEMPTS.get()).isEqualTo(2);
        assertThat(RECEIVED).hasSize(2);
        assertThat(RECEIVED.get(0)).isEqualTo(RECEIVED.get(1));
        Map<?, ?> body = JsonMapper.builder().build().readValue(RECEIVED.get(1), Map.class);
        assertThat(body.get("type")).isEqualTo("budget.threshold_crossed");
        assertThat(body.get("budget_id")).isEqualTo("b-alert");
        assertThat(body.get("tenant_id")).isEqualTo("acme");
        assertThat(body.get("threshold_percent")).isEqualTo(50);
        assertThat(new BigDecimal(body.get("spent_usd").toString())).isEqualByComparingTo("0.55");
        assertThat(new BigDecimal(body.get("limit_usd").toString())).isEqualByComparingTo("1.00");
        assertThat(body.get("window_start")).isEqualTo(window.start().toString());
        List<String> rows = jdbc.sql("SELECT threshold, spent_usd, attempts, delivered_at IS NOT NULL FROM alert_event"
                        + " WHERE budget_id = 'b-alert'")
                .query((r, n) -> r.getInt(1) + " "
                        + r.getBigDecimal(2).stripTrailingZeros().toPlainString() + " " + r.getInt(3) + " "
                        + r.getBoolean(4))
                .list();
        assertThat(rows).containsExactly("50 0.55 2 true");
    }

    private void settle(Instant at, String cost) {
        Admission admission = ledger.tryAdmit("acme", new BigDecimal(cost), at);
        assertThat(admission.admitted()).isTrue();
        ((Admission.Admitted) admission).reservation().settle(new BigDecimal(cost));
    }

    private void awaitDelivered(int events) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Long delivered = jdbc.sql("SELECT count(*) FROM alert_event WHERE delivered_at IS NOT NULL")
                    .query(Long.class)
                    .single();
            if (delivered >= events) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no alert delivered within 10s; attempts=" + ATTEMPTS.get());
    }

    /** Answers 500 to the first POST and 204 to every later one, keeping each body. */
    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hooks/budget", exchange -> {
                RECEIVED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                int status = ATTEMPTS.incrementAndGet() == 1 ? 500 : 204;
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
