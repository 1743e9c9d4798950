package dev.budgetguard.jobs.prices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.jobs.JobsApplication;
import dev.budgetguard.schemas.pricing.InMemoryPriceBook;
import dev.budgetguard.schemas.pricing.ModelPrice;
import dev.budgetguard.schemas.pricing.ModelPriceTable;
import dev.budgetguard.schemas.usage.TokenUsage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The import command over a small hand-written file in LiteLLM's format, run as the operator runs it. */
class ImportLiteLlmPricesIT {

    static final Path SAMPLE = Path.of("src", "test", "resources", "litellm", "model-prices-sample.json");

    @TempDir
    Path root;

    @Test
    void importsTheMeteredProvidersExactlyAndReportsTheRest() {
        // when
        Run run = importSample("2026-01-01");

        // then the summary counts every entry once and names each rejected one with its reason; the three snapshot
        // keys priced like their model (gpt-4o-2024-08-06, claude-sonnet-4-5-20250929, claude-3-5-haiku-20241022)
        // are stored as that model
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("entries=14 in_scope=10")
                .contains("imported=6 unchanged=0 folded_into_model=3 duplicates=1 rejected=2")
                .contains("rejected gpt-broken: input_cost_per_token is not a number: \"cheap\"")
                .contains("rejected o9-no-output-price: output_cost_per_token is missing")
                .contains("skipped: other_provider=2 mode embedding=1 image_generation=1")
                .contains("derived from Anthropic's documented modifiers: batch_discount=3"
                        + " cache_creation_input_token_cost=1 cache_creation_input_token_cost_above_1hr=1")
                .contains("ignored price fields (not metered, may under-price those dimensions):"
                        + " input_cost_per_audio_token=1 search_context_cost_per_query=1")
                .contains("ignored other fields: a_field_from_the_future=1 max_input_tokens=1 supports_vision=2");

        // and the rows are the file's per-token prices times a million, exactly
        List<ModelPrice> rows = rows();
        assertThat(rows)
                .extracting(ModelPrice::version)
                .containsExactly(
                        "claude-3-5-haiku@2026-01-01",
                        "claude-sonnet-4-5@2026-01-01",
                        "gemini-2.5-flash@2026-01-01",
                        "gpt-4o@2026-01-01",
                        "gpt-4o-2024-05-13@2026-01-01",
                        "o3@2026-01-01");
        ModelPrice sonnet = rows.get(1);
        assertThat(sonnet.rates().cacheWrite1hPerMillion()).isEqualByComparingTo("6");
        assertThat(sonnet.longContext().thresholdInputTokens()).isEqualTo(200_000);
        assertThat(sonnet.longContext().rates().cacheWrite5mPerMillion()).isEqualByComparingTo("7.5");
        assertThat(sonnet.longContext().rates().cacheWrite1hPerMillion()).isEqualByComparingTo("12");
        assertThat(sonnet.batchDiscount()).isEqualByComparingTo("0.5");
        ModelPrice haiku = rows.get(0);
        assertThat(haiku.rates().cacheWrite5mPerMillion()).isEqualByComparingTo("1");
        assertThat(haiku.rates().cacheWrite1hPerMillion()).isEqualByComparingTo("1.6");
        assertThat(rows.get(2).provider()).isEqualTo("google");
        assertThat(rows.get(2).rates().cachedInputPerMillion()).isEqualByComparingTo("0.075");
        assertThat(rows.get(3).batchDiscount()).isEqualByComparingTo("0.5");

        // and the imported book prices like the bundled one: the long Sonnet request, and the older snapshot apart
        InMemoryPriceBook book = new InMemoryPriceBook(rows);
        Instant at = Instant.parse("2026-01-02T00:00:00Z");
        assertThat(book.cost("claude-sonnet-4-5", at, new TokenUsage(250_000, 50_000, 10_000, 0, 1_000, 0))
                        .amountUsd())
                .isEqualByComparingTo("1.2675");
        assertThat(book.cost("gpt-4o-2024-05-13", at, TokenUsage.of(1_000_000, 0))
                        .amountUsd())
                .isEqualByComparingTo("5");
        assertThat(book.cost("gpt-4o-2024-08-06", at, TokenUsage.of(1_000_000, 0))
                        .amountUsd())
                .isEqualByComparingTo("2.5");
    }

    @Test
    void aSecondRunChangesNothingAndAnEarlierDateIsRefused() {
        // given
        importSample("2026-01-01");

        // when
        Run again = importSample("2026-01-01");
        Run earlier = importSample("2025-12-01");

        // then
        assertThat(again.out()).contains("imported=0 unchanged=6");
        assertThat(earlier.out())
                .contains("imported=0 unchanged=0")
                .contains("rejected o3: history is never rewritten: the latest version starts 2026-01-01");
        assertThat(rows()).hasSize(6);
    }

    private Run importSample(String effective) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = SpringApplication.exit(new SpringApplicationBuilder(JobsApplication.class)
                    .run(
                            "--spring.datasource.url=" + url(),
                            "--budgetguard.spool.dir=" + root.resolve("spool"),
                            "--budgetguard.lake.uri=" + root.resolve("lake"),
                            "prices",
                            "import-litellm",
                            SAMPLE.toString(),
                            "--effective",
                            effective));
            return new Run(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private List<ModelPrice> rows() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url());
        dataSource.setUser("sa");
        return JdbcClient.create(dataSource)
                .sql(ModelPriceTable.SELECT_ALL)
                .query((rs, row) -> ModelPriceTable.read(rs))
                .list();
    }

    private String url() {
        return "jdbc:h2:file:" + root.resolve("h2/budgetguard");
    }

    private record Run(int exit, String out) {}
}
