package dev.budgetguard.ingest.proxy.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.schemas.usage.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UsageParserTest {

    private static TokenUsage of(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return UsageParser.fromBody(bytes, 0, bytes.length);
    }

    @Test
    void readsCountsAndDetails() {
        // given OpenAI's o4-mini example from provider-formats §1f
        String body = "{\"id\":\"x\",\"choices\":[{\"message\":{\"content\":\"the \\\"usage\\\": is {}\"}}],"
                + "\"usage\":{\"prompt_tokens\":5200,\"completion_tokens\":1900,\"total_tokens\":7100,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":4096,\"audio_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":1344,\"audio_tokens\":0,"
                + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},\"system_fingerprint\":null}";

        // when
        TokenUsage usage = of(body);

        // then
        assertThat(usage).isEqualTo(new TokenUsage(5200, 4096, 0, 0, 1900, 1344));
    }

    @Test
    void prettyPrintedNullDetailsAndAbsentUsage() {
        assertThat(of("{\n  \"usage\" : {\"prompt_tokens\": 3, \"completion_tokens\": 4,"
                        + " \"prompt_tokens_details\": null}\n}"))
                .isEqualTo(TokenUsage.of(3, 4));
        assertThat(of("{\"choices\":[],\"usage\":null}")).isNull();
        assertThat(of("{\"choices\":[{\"text\":\"usage\"}]}")).isNull();
        assertThat(of("{\"usage\":{\"prompt_tokens\":3}}")).isNull();
        assertThat(of("{\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,"
                        + "\"prompt_tokens_details\":{\"cached_tokens\":9}}}"))
                .as("cached beyond prompt is not a usage we can trust")
                .isNull();
    }

    @Test
    void countsPastThePlausibilityCapAreNoUsageAndAreReported() {
        // given counts of 1e15, 2^63-1, just over the cap, beyond long, and a cached count over the cap
        String[] bodies = {
            "{\"usage\":{\"prompt_tokens\":1000000000000000,\"completion_tokens\":5}}",
            "{\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":9223372036854775807}}",
            "{\"usage\":{\"prompt_tokens\":100000001,\"completion_tokens\":5}}",
            "{\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":99999999999999999999999}}",
            "{\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,"
                    + "\"prompt_tokens_details\":{\"cached_tokens\":100000001}}}"
        };
        AtomicInteger implausible = new AtomicInteger();

        // when / then
        for (String body : bodies) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            assertThat(UsageParser.fromBody(bytes, 0, bytes.length, implausible::incrementAndGet))
                    .as(body)
                    .isNull();
        }
        assertThat(implausible).hasValue(bodies.length);
        assertThat(of("{\"usage\":{\"prompt_tokens\":100000000,\"completion_tokens\":100000000}}"))
                .isEqualTo(TokenUsage.of(100_000_000, 100_000_000));
    }

    @Test
    void onlyTheRootObjectsUsageCounts() {
        // given a nested usage member written after the real one, and one with no real usage at all
        String nestedAfter = "{\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4},"
                + "\"metadata\":{\"usage\":{\"prompt_tokens\":0,\"completion_tokens\":0}}}";
        String nestedOnly = "{\"choices\":[{\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}],\"x\":1}";

        // then
        assertThat(of(nestedAfter)).isEqualTo(TokenUsage.of(3, 4));
        assertThat(of(nestedOnly)).isNull();
        assertThat(of("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2}}\n\n"))
                .isEqualTo(TokenUsage.of(7, 2));
    }
}
