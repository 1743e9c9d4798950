package dev.budgetguard.jobs.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.budgetguard.ingest.IngestApplication;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.PlannedReply;
import dev.budgetguard.ingest.testing.FakeOpenAiUpstream.Usage;
import dev.budgetguard.jobs.JobsApplication;
import dev.budgetguard.reports.lake.DuckDbLake;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The metered path end to end, every part real but the provider: the official OpenAI client calls the collector, which
 * forwards to a fake OpenAI speaking its real JSON and SSE; the collector's spool is rolled into Parquet by
 * {@code rollupUsageJob}; DuckDB reads the lake back through the analysts' views.
 */
class MeteredPathIT {

    private static final String ADMIN_KEY = "e2e-admin-key-0123456789abcdef";
    private static final String SERVER_KEY = "sk-server-e2e";

    @TempDir
    Path root;

    @Test
    void callsThroughTheCollectorLandInTheLakeWithExactTokensAndCost() throws Exception {
        try (FakeOpenAiUpstream upstream = FakeOpenAiUpstream.start()) {
            // given a collector with two tenants, in front of a fake OpenAI
            Map<String, String> keys;
            try (ConfigurableApplicationContext collector = startCollector(upstream)) {
                int port = collector.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
                Admin admin = new Admin(port);
                keys = Map.of("acme", admin.tenantWithKey("acme"), "borealis", admin.tenantWithKey("borealis"));

                // when acme calls gpt-4o twice (plain, and streamed asking for usage) at 1200 prompt / 300 completion
                upstream.plan(PlannedReply.ok(new Usage(1200, 300, 0, 0)));
                upstream.plan(PlannedReply.ok(new Usage(1200, 300, 0, 0)));
                OpenAIClient acme = client(port, "acme", keys.get("acme"));
                ChatCompletion plain = acme.chat().completions().create(request("gpt-4o"));
                List<ChatCompletionChunk> acmeChunks = stream(
                        acme,
                        request("gpt-4o").toBuilder()
                                .streamOptions(ChatCompletionStreamOptions.builder()
                                        .includeUsage(true)
                                        .build())
                                .build());

                // and borealis streams gpt-4o without asking for usage, then calls gpt-4o-mini with a cached prompt
                upstream.plan(PlannedReply.ok(new Usage(1200, 300, 0, 0)));
                upstream.plan(PlannedReply.ok(new Usage(1000, 500, 200, 0)));
                OpenAIClient borealis = client(port, "borealis", keys.get("borealis"));
                List<ChatCompletionChunk> borealisChunks = stream(borealis, request("gpt-4o"));
                borealis.chat().completions().create(request("gpt-4o-mini"));

                // and someone tries acme with a wrong key
                assertThat(admin.chatWithWrongKey("acme")).isEqualTo(401);

                // then the clients got what they asked for, usage only where they asked for it
                assertThat(plain.usage().orElseThrow().promptTokens()).isEqualTo(1200);
                assertThat(acmeChunks.get(acmeChunks.size() - 1).usage()).isPresent();
                assertThat(borealisChunks).allSatisfy(c -> assertThat(c.usage()).isEmpty());
            }

            // when the nightly rollup runs over the sealed spool
            int exit = SpringApplication.exit(
                    new SpringApplicationBuilder(JobsApplication.class).run(args(common(), "jobs", "run", "rollup")));
            assertThat(exit).isZero();

            // then DuckDB reads exact tokens and cost per tenant from the lake
            try (DuckDbLake lake = DuckDbLake.open(root.resolve("lake"))) {
                List<Object[]> totals = lake.select("""
                        SELECT tenant_id, count(*), sum(input_tokens), sum(cached_input_tokens), sum(output_tokens),
                               sum(cost_usd)
                        FROM usage WHERE status = 'ok' GROUP BY tenant_id ORDER BY tenant_id
                        """, row -> new Object[] {
                    row.getString(1),
                    row.getLong(2),
                    row.getLong(3),
                    row.getLong(4),
                    row.getLong(5),
                    row.getBigDecimal(6)
                });
                assertThat(totals).hasSize(2);
                assertThat(totals.get(0)).containsExactly("acme", 2L, 2400L, 0L, 600L, totals.get(0)[5]);
                assertThat((BigDecimal) totals.get(0)[5]).isEqualByComparingTo("0.012000");
                assertThat(totals.get(1)).containsExactly("borealis", 2L, 2200L, 200L, 800L, totals.get(1)[5]);
                // gpt-4o 1200/300 = 0.006; gpt-4o-mini 800 uncached x 0.15 + 200 cached x 0.075 + 500 x 0.60 per 1M
                assertThat((BigDecimal) totals.get(1)[5]).isEqualByComparingTo("0.006435");

                // and the original BudgetGuard's audit query runs unchanged, newest first, the refusal included
                List<Object[]> audit = lake.select("""
                        SELECT
                          tenant_id,
                          model,
                          input_tokens,
                          output_tokens,
                          cost_usd,
                          created_at
                        FROM "UsageLedger"
                        WHERE tenant_id = 'acme'
                          AND created_at > NOW() - INTERVAL '1 hour'
                        ORDER BY created_at DESC;
                        """, row -> new Object[] {
                    row.getString(2),
                    row.getLong(3),
                    row.getLong(4),
                    row.getBigDecimal(5),
                    row.getObject(6, OffsetDateTime.class)
                });
                assertThat(audit).hasSize(3);
                assertThat(audit.get(0)[0]).isNull();
                assertThat((BigDecimal) audit.get(0)[3]).isEqualByComparingTo("0");
                for (Object[] row : audit.subList(1, 3)) {
                    assertThat(row[0]).isEqualTo("gpt-4o");
                    assertThat(row[1]).isEqualTo(1200L);
                    assertThat(row[2]).isEqualTo(300L);
                    assertThat((BigDecimal) row[3]).isEqualByComparingTo("0.006000");
                }
                assertThat((OffsetDateTime) audit.get(0)[4]).isAfterOrEqualTo((OffsetDateTime) audit.get(1)[4]);
                assertThat((OffsetDateTime) audit.get(1)[4]).isAfterOrEqualTo((OffsetDateTime) audit.get(2)[4]);
            }
        }
    }

    private ConfigurableApplicationContext startCollector(FakeOpenAiUpstream upstream) {
        return new SpringApplicationBuilder(IngestApplication.class)
                .run(args(
                        common(),
                        // both applications' configuration files are on this classpath; the collector is a web server
                        "spring.main.web-application-type=reactive",
                        "server.port=0",
                        "budgetguard.admin.api-key=" + ADMIN_KEY,
                        "budgetguard.providers.openai.base-url=" + upstream.baseUrl(),
                        "budgetguard.providers.openai.api-key=" + SERVER_KEY,
                        "budgetguard.proxy.event-loop-threads=2",
                        // the jobs module is on this test's classpath; the collector runs no batch or scheduler
                        "spring.batch.job.enabled=false",
                        "spring.quartz.auto-startup=false"));
    }

    /**
     * Settings as command-line arguments: both applications' configuration files are on this test's classpath, and
     * only arguments outrank them.
     */
    private static String[] args(String[] common, String... more) {
        List<String> args = new java.util.ArrayList<>();
        for (String setting : common) {
            args.add("--" + setting);
        }
        for (String word : more) {
            args.add(word.contains("=") ? "--" + word : word);
        }
        return args.toArray(String[]::new);
    }

    private String[] common() {
        return new String[] {
            "spring.datasource.url=jdbc:h2:file:" + root.resolve("h2/budgetguard") + ";AUTO_SERVER=TRUE",
            "budgetguard.spool.dir=" + root.resolve("spool"),
            "budgetguard.lake.uri=" + root.resolve("lake"),
            "spring.main.banner-mode=off"
        };
    }

    private static ChatCompletionCreateParams request(String model) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage("Summarize the contract in three bullet points.")
                .build();
    }

    private static List<ChatCompletionChunk> stream(OpenAIClient client, ChatCompletionCreateParams params) {
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(params)) {
            return stream.stream().toList();
        }
    }

    private static OpenAIClient client(int port, String tenant, String key) {
        return OpenAIOkHttpClient.builder()
                .baseUrl("http://127.0.0.1:" + port + "/v1")
                .apiKey("sk-client-never-forwarded")
                .putHeader("X-Tenant-Id", tenant)
                .putHeader("X-API-Key", key)
                .maxRetries(0)
                .build();
    }

    /** The admin API as an operator's script uses it, with the original BudgetGuard's request bodies. */
    private record Admin(int port) {

        String tenantWithKey(String tenant) throws Exception {
            HttpResponse<String> created = post("/admin/tenant", "{\"name\":\"" + tenant + "\"}", ADMIN_KEY);
            assertThat(created.statusCode()).isEqualTo(201);
            HttpResponse<String> key =
                    post("/admin/tenant/" + tenant + "/apikeys", "{\"name\":\"Production Key\"}", ADMIN_KEY);
            assertThat(key.statusCode()).isEqualTo(201);
            String body = key.body();
            int start = body.indexOf("\"key\":\"") + 7;
            return body.substring(start, body.indexOf('"', start));
        }

        int chatWithWrongKey(String tenant) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                    .header("Content-Type", "application/json")
                    .header("X-Tenant-Id", tenant)
                    .header("X-API-Key", "bg_wrong")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o\",\"messages\":[]}"))
                    .build();
            return HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        }

        private HttpResponse<String> post(String path, String json, String adminKey) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json")
                    .header("X-Admin-Key", adminKey)
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
