package dev.budgetguard.ingest.proxy.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.schemas.usage.TokenUsage;
import java.nio.charset.StandardCharsets;
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
}
