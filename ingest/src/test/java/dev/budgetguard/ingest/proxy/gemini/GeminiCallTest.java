package dev.budgetguard.ingest.proxy.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.budgetguard.ingest.proxy.InvalidProxyRequestException;
import dev.budgetguard.ingest.proxy.MeteredRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GeminiCallTest {

    @Test
    void modelAndMethodComeFromThePathAndTheClientsQueryIsNeverForwarded() {
        // when
        GeminiCall generate = GeminiCall.of("/v1beta/models/gemini-2.5-flash:generateContent", "key=AIza-client");
        GeminiCall stream = GeminiCall.of("/v1beta/models/gemini-2.5-pro:streamGenerateContent", "key=x&alt=sse");

        // then
        assertThat(generate).isEqualTo(new GeminiCall("gemini-2.5-flash", false));
        assertThat(generate.upstreamPath()).isEqualTo("/models/gemini-2.5-flash:generateContent");
        assertThat(stream.upstreamPath()).isEqualTo("/models/gemini-2.5-pro:streamGenerateContent?alt=sse");
    }

    @Test
    void aStreamNotAskedAsServerSentEventsIsRefusedClearly() {
        assertThatThrownBy(() -> GeminiCall.of("/v1beta/models/gemini-2.5-pro:streamGenerateContent", ""))
                .isInstanceOf(InvalidProxyRequestException.class)
                .satisfies(e -> assertThat(
                                ((InvalidProxyRequestException) e).error().message())
                        .contains("alt=sse"));
    }

    @Test
    void aModelThatCouldChangeTheUpstreamPathIsRefused() {
        assertThatThrownBy(() -> GeminiCall.of("/v1beta/models/..%2Fx:generateContent", ""))
                .hasMessage("invalid_value");
        assertThatThrownBy(() -> GeminiCall.of("/v1beta/models/a/b:generateContent", ""))
                .hasMessage("invalid_value");
        assertThatThrownBy(() -> GeminiCall.of("/v1beta/models/:generateContent", ""))
                .hasMessage("missing_required_parameter");
        assertThatThrownBy(() -> GeminiCall.of("/v1beta/models/gemini-2.5-pro:countTokens", ""))
                .hasMessage("unknown_method");
    }

    @Test
    void theOutputBoundIsGenerationConfigMaxOutputTokensInEitherSpelling() {
        // given
        GeminiCall call = new GeminiCall("gemini-2.5-pro", false);

        // when
        MeteredRequest camel =
                GeminiRequestParser.parse(call, bytes("{\"generationConfig\":{\"maxOutputTokens\":800}}"));
        MeteredRequest snake = GeminiRequestParser.parse(
                call, bytes("{\"generation_config\":{\"max_output_tokens\":900},\"contents\":[]}"));
        MeteredRequest none = GeminiRequestParser.parse(call, bytes("{\"contents\":[]}"));

        // then
        assertThat(camel.maxOutputTokens()).isEqualTo(800L);
        assertThat(snake.maxOutputTokens()).isEqualTo(900L);
        assertThat(none.maxOutputTokens()).isNull();
        assertThatThrownBy(() -> GeminiRequestParser.parse(call, bytes("{\"contents\":[],\"contents\":[]}")))
                .hasMessage("invalid_json");
    }

    @Test
    void errorsHaveGooglesShape() {
        String body = new String(GeminiErrorShape.INSTANCE.render(GeminiCall.NOT_SSE), StandardCharsets.UTF_8);

        assertThat(body)
                .isEqualTo("{\"error\":{\"code\":400,\"message\":\"streamGenerateContent is relayed only as server-sent"
                        + " events: add alt=sse to the query.\",\"status\":\"INVALID_ARGUMENT\"}}");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
