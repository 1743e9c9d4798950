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

    @Test
    void choicesWithoutABoundAndHugeBoundsOfCompletions() {
        // when n = 4 without max_tokens
        MeteredRequest four = parse(OpenAiRoute.COMPLETIONS, "{\"model\":\"gpt-3.5-turbo-instruct\",\"n\":4}");

        // then each of the 4 may use the model's maximum, which the estimate multiplies
        assertThat(four.maxOutputTokens()).isNull();
        assertThat(four.choices()).isEqualTo(4);

        // and bounds no model accepts are refused, naming the field
        assertThatThrownBy(() -> parse(
                        OpenAiRoute.COMPLETIONS, "{\"model\":\"gpt-4.1\",\"n\":2,\"max_tokens\":9223372036854775807}"))
                .isInstanceOfSatisfying(InvalidProxyRequestException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(400);
                    assertThat(e.error().param()).isEqualTo("max_tokens");
                });
        assertThatThrownBy(() -> parse(OpenAiRoute.COMPLETIONS, "{\"model\":\"m\",\"best_of\":129}"))
                .isInstanceOfSatisfying(
                        InvalidProxyRequestException.class,
                        e -> assertThat(e.error().param()).isEqualTo("best_of"));
        assertThatThrownBy(() -> parse(OpenAiRoute.RESPONSES, "{\"model\":\"m\",\"max_output_tokens\":100000001}"))
                .isInstanceOfSatisfying(
                        InvalidProxyRequestException.class,
                        e -> assertThat(e.error().param()).isEqualTo("max_output_tokens"));
    }

    @Test
    void responsesWithStoredOrReferencedInputAreMarkedUnseen() {
        // given requests whose input is partly upstream's: a stored response, a conversation, a stored prompt, a
        // file by id or URL, an item reference
        String[] unseen = {
            "{\"model\":\"o4-mini\",\"previous_response_id\":\"resp_1\",\"input\":\"and?\"}",
            "{\"model\":\"o4-mini\",\"conversation\":\"conv_1\",\"input\":\"and?\"}",
            "{\"model\":\"o4-mini\",\"prompt\":{\"id\":\"pmpt_1\"}}",
            "{\"model\":\"o4-mini\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_file\","
                    + "\"file_id\":\"file-1\"}]}]}",
            "{\"model\":\"o4-mini\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_file\","
                    + "\"file_url\":\"https://x/a.pdf\"}]}]}",
            "{\"model\":\"o4-mini\",\"input\":[{\"type\":\"item_reference\",\"id\":\"msg_1\"}]}"
        };

        // then
        for (String body : unseen) {
            assertThat(parse(OpenAiRoute.RESPONSES, body).prompt().unseenInput())
                    .as(body)
                    .isTrue();
        }
        // while a self-contained request is bounded by its bytes, with each image as a non-text part
        String seen = "{\"model\":\"o4-mini\",\"previous_response_id\":null,\"input\":[{\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_image\",\"image_url\":\"https://x/y.png\"},"
                + "{\"type\":\"input_text\",\"text\":\"file_id\"}]}]}";
        MeteredRequest request = parse(OpenAiRoute.RESPONSES, seen);
        assertThat(request.prompt().unseenInput()).isFalse();
        assertThat(request.prompt().nonTextParts()).isEqualTo(1);
        assertThat(request.prompt().boundedBytes()).isEqualTo(seen.length());
    }
}
