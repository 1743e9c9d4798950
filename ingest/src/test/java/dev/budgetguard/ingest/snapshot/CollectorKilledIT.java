package dev.budgetguard.ingest.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.IngestApplication;
import dev.budgetguard.ingest.admission.BudgetUsage;
import dev.budgetguard.ingest.admission.SpendLedger;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.PlannedReply;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.Usage;
import dev.budgetguard.ingest.testing.SpoolContents;
import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetPeriod;
import dev.budgetguard.schemas.budget.CapSpend;
import dev.budgetguard.schemas.usage.RecordKind;
import dev.budgetguard.schemas.usage.UsageRecord;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The restart test: spend recorded through a real collector process over real HTTP (a fake OpenAI behind it),
 * the process killed with SIGKILL while one more request is still upstream, then the collector started again on the
 * same spool and database: the budget's remaining amount is the limit minus exactly that spend.
 */
class CollectorKilledIT {

    private static final String ADMIN_KEY = "killed-it-admin-key-0123456789";
    private static final FakeOpenAiUpstream UPSTREAM = FakeOpenAiUpstream.start();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** gpt-4o: 1000 prompt tokens at $2.50 and 200 completion tokens at $10.00 per million. */
    private static final BigDecimal COST_1000_200 = new BigDecimal("0.0045");

    @TempDir
    Path root;

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.close();
    }

    @Test
    void afterSigkillTheRemainingBudgetIsTheLimitMinusTheSpendRecorded() throws Exception {
        // given a collector process with tenant acme and one of its keys, made through the admin API
        int port = freePort();
        Process collector = startCollector(port);
        try {
            awaitHealthy(port, collector);
            String key = tenantWithKey(port, "acme");

            // when three calls complete with 1000 + 200 tokens and a fourth is still upstream
            for (int i = 0; i < 3; i++) {
                UPSTREAM.plan(PlannedReply.ok(new Usage(1000, 200, 0, 0)));
            }
            UPSTREAM.plan(PlannedReply.ok(new Usage(1000, 200, 0, 0)).withDelay(Duration.ofMinutes(2)));
            for (int i = 0; i < 3; i++) {
                assertThat(chat(port, key).statusCode()).isEqualTo(200);
            }
            HTTP.sendAsync(chatRequest(port, key), HttpResponse.BodyHandlers.discarding());
            SpoolContents spool = new SpoolContents(spoolDir());
            awaitAdmissions(spool, 4);
            // and the collector is killed: no shutdown hook, the open segment left as it was
            collector.destroyForcibly();
            assertThat(collector.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            collector.destroyForcibly();
        }
        UsageRecord orphan = spool().stream()
                .filter(r -> r.kind() == RecordKind.ADMISSION)
                .filter(a -> spool().stream()
                        .noneMatch(c -> c.kind() == RecordKind.COMPLETION
                                && c.requestId().equals(a.requestId())))
                .findFirst()
                .orElseThrow();
        // the admission carries the reservation's estimate once admission writes it; until then it counts 0
        BigDecimal expectedSpend = COST_1000_200.multiply(BigDecimal.valueOf(3)).add(CapSpend.of(orphan));

        // then the collector, started again, counts exactly that against a $1.00 monthly budget
        try (ConfigurableApplicationContext restarted = restartInProcess()) {
            SpendLedger ledger = restarted.getBean(SpendLedger.class);
            ledger.replaceBudgets(
                    "acme",
                    List.of(new Budget(
                            "monthly", "acme", BudgetPeriod.MONTHLY, new BigDecimal("1.00"), ZoneId.of("UTC"))));
            BudgetUsage usage = ledger.usage("acme", "monthly", Instant.now()).orElseThrow();
            assertThat(usage.spentUsd()).isEqualByComparingTo(expectedSpend);
            assertThat(usage.remainingUsd()).isEqualByComparingTo(BigDecimal.ONE.subtract(expectedSpend));
            assertThat(usage.spentUsd()).isGreaterThanOrEqualTo(new BigDecimal("0.0135"));
        }
    }

    private List<UsageRecord> spool() {
        return new SpoolContents(spoolDir()).records();
    }

    private Path spoolDir() {
        return root.resolve("spool");
    }

    private List<String> settings(int port) {
        return List.of(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.datasource.url=jdbc:h2:file:" + root.resolve("h2").resolve("budgetguard")
                        + ";AUTO_SERVER=TRUE",
                "--budgetguard.spool.dir=" + spoolDir(),
                "--budgetguard.spool.node-id=node1",
                "--budgetguard.admin.api-key=" + ADMIN_KEY,
                "--budgetguard.providers.openai.base-url=" + UPSTREAM.baseUrl(),
                "--budgetguard.providers.openai.api-key=sk-server-test-key",
                "--logging.level.root=WARN");
    }

    /** The packaged collector's classes and libraries, without this module's test classes. */
    private Process startCollector(int port) throws IOException {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                classpath,
                IngestApplication.class.getName()));
        command.addAll(settings(port));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("collector.log").toFile())
                .start();
    }

    /** The same collector in this JVM, so the test can read its ledger; this module's test beans are left out. */
    private ConfigurableApplicationContext restartInProcess() throws IOException {
        return new SpringApplicationBuilder(IngestApplication.class)
                .initializers(context ->
                        context.getBeanFactory().registerSingleton("leaveOutTestClasses", new LeaveOutTestClasses()))
                .run(settings(freePort()).toArray(String[]::new));
    }

    private String tenantWithKey(int port, String tenant) throws Exception {
        HttpResponse<String> created = admin(port, "/admin/tenant", Map.of("name", tenant));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> issued = admin(port, "/admin/tenant/" + tenant + "/apikeys", Map.of("name", "it"));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return JSON.readTree(issued.body()).get("key").asString();
    }

    private static HttpResponse<String> admin(int port, String path, Map<String, Object> body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("X-Admin-Key", ADMIN_KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> chat(int port, String key) throws Exception {
        return HTTP.send(chatRequest(port, key), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest chatRequest(int port, String key) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .header("X-Tenant-Id", "acme")
                .header("X-API-Key", key)
                .header("Authorization", "Bearer sk-client-unused")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                .build();
    }

    private static void awaitHealthy(int port, Process collector) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && collector.isAlive()) {
            try {
                HttpResponse<String> health = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("collector did not become healthy; alive=" + collector.isAlive());
    }

    private static void awaitAdmissions(SpoolContents spool, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (spool.records().stream()
                            .filter(r -> r.kind() == RecordKind.ADMISSION)
                            .count()
                    >= count) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("fewer than " + count + " admissions in the spool: " + spool.records());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Keeps the component scan of the in-process restart to the collector's own classes. */
    static final class LeaveOutTestClasses extends TypeExcludeFilter {
        @Override
        public boolean match(
                org.springframework.core.type.classreading.MetadataReader reader,
                org.springframework.core.type.classreading.MetadataReaderFactory factory) {
            try {
                return reader.getResource().getURL().toString().contains("/test-classes/");
            } catch (IOException e) {
                return false;
            }
        }
    }
}
