package dev.budgetguard.ingest.proxy.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.budgetguard.ingest.proxy.InvalidProxyRequestException;
import dev.budgetguard.ingest.proxy.MeteredRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenAiRequestParserTest {

    @Test
    void theOutputBoundOfCompletionsCoversEveryChoiceGenerated() {
        // when n=2 and best_of=3 completions of up to 64 tokens each are asked for
        MeteredRequest request = parse(
                OpenAiRoute.COMPLETIONS,
                "{\"model\":\"gpt-3.5-turbo-instruct\",\"max_tokens\":64,\"n\":2,\"best_of\":3}");

        // then best_of are all generated and billed
        assertThat(request.maxOutputTokens()).isEqualTo(192L);
        assertThat(request.upstreamPath()).isEqualTo("/completions");
    }

    @Test
    void eachRouteReadsItsOwnBoundAndStreamFlag() {
        // when
        MeteredRequest responses = parse(
                OpenAiRoute.RESPONSES,
                "{\"model\":\"o4-mini\",\"max_tokens\":9,\"max_output_tokens\":500,\"stream\":true}");
        MeteredRequest embeddings = parse(
                OpenAiRoute.EMBEDDINGS, "{\"model\":\"text-embedding-3-small\",\"input\":[\"a\"],\"stream\":true}");

        // then the Responses API streams usage without being asked; embeddings never stream and produce no output
        assertThat(responses.maxOutputTokens()).isEqualTo(500L);
        assertThat(responses.stream()).isTrue();
        assertThat(responses.usageInjected()).isFalse();
        assertThat(embeddings.stream()).isFalse();
        assertThat(embeddings.maxOutputTokens()).isZero();
    }

    @Test
    void refusesWhatTwoReadersCouldReadDifferently() {
        assertThatThrownBy(() -> parse(OpenAiRoute.RESPONSES, "{\"model\":\"a\",\"input\":\"x\",\"input\":\"y\"}"))
                .isInstanceOf(InvalidProxyRequestException.class)
                .hasMessage("invalid_json");
        assertThatThrownBy(() -> parse(
                        OpenAiRoute.COMPLETIONS,
                        "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":\"yes\"}}"))
                .hasMessage("invalid_type");
        assertThatThrownBy(() -> parse(OpenAiRoute.EMBEDDINGS, "{\"model\":1}"))
                .hasMessage("missing_required_parameter");
        assertThatThrownBy(() -> parse(OpenAiRoute.RESPONSES, "{\"model\":\"m\"} {}"))
                .hasMessage("invalid_json");
    }

    private static MeteredRequest parse(OpenAiRoute route, String body) {
        return OpenAiRequestParser.parse(route, body.getBytes(StandardCharsets.UTF_8));
    }
}
