package dev.budgetguard.ingest.proxy.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.budgetguard.ingest.proxy.ErrorAnswer;
import dev.budgetguard.ingest.proxy.InvalidProxyRequestException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChatRequestParserTest {

    private static ChatRequest parse(String body) {
        return ChatRequestParser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String forwarded(ChatRequest request) {
        return new String(request.forwardBody(), StandardCharsets.UTF_8);
    }

    @Test
    void readsTopLevelFieldsAndSkipsTheRest() {
        // given a request whose messages contain look-alike keys
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"model stream\",\"model\":\"nested\"}],"
                + "\"model\":\"gpt-4o\",\"max_tokens\":256,\"max_completion_tokens\":300,\"tools\":[{\"a\":{}}]}";

        // when
        ChatRequest request = parse(body);

        // then
        assertThat(request.model()).isEqualTo("gpt-4o");
        assertThat(request.stream()).isFalse();
        assertThat(request.maxTokens()).isEqualTo(256L);
        assertThat(request.maxCompletionTokens()).isEqualTo(300L);
        assertThat(request.usageInjected()).isFalse();
        assertThat(forwarded(request)).isEqualTo(body);
    }

    @Test
    void streamWithoutStreamOptionsGetsThemInsertedAfterTheOpeningBrace() {
        // given
        String body = "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[]}";

        // when
        ChatRequest request = parse(body);

        // then
        assertThat(request.usageInjected()).isTrue();
        assertThat(request.maxTokens()).isNull();
        assertThat(forwarded(request))
                .isEqualTo("{\"stream_options\":{\"include_usage\":true},\"model\":\"gpt-4o\",\"stream\":true,"
                        + "\"messages\":[]}");
    }

    @Test
    void includeUsageFalseIsFlippedInPlace() {
        // given
        String body = "{ \"model\": \"gpt-4o\", \"stream\": true, \"stream_options\": {\"include_usage\": false} }";

        // when
        ChatRequest request = parse(body);

        // then
        assertThat(request.usageInjected()).isTrue();
        assertThat(forwarded(request))
                .isEqualTo(
                        "{ \"model\": \"gpt-4o\", \"stream\": true, \"stream_options\": {\"include_usage\": true} }");
    }

    @Test
    void streamOptionsWithoutIncludeUsageGetItAdded() {
        // given
        String nonEmpty = "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_obfuscation\":false}}";
        String empty = "{\"model\":\"m\",\"stream\":true,\"stream_options\":{}}";
        String nullOptions = "{\"model\":\"m\",\"stream\":true,\"stream_options\":null}";

        // when / then
        assertThat(forwarded(parse(nonEmpty)))
                .isEqualTo("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true,"
                        + "\"include_obfuscation\":false}}");
        assertThat(forwarded(parse(empty)))
                .isEqualTo("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
        assertThat(forwarded(parse(nullOptions)))
                .isEqualTo("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
    }

    @Test
    void clientThatAskedForUsageIsForwardedUnchanged() {
        // given
        String body = "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}";

        // when
        ChatRequest request = parse(body);

        // then
        assertThat(request.usageInjected()).isFalse();
        assertThat(request.forwardBody()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nonUtf8AsciiOffsetsStayCorrectAfterMultibyteContent() {
        // given multi-byte characters before the insertion point would shift char offsets, not byte offsets
        String body = "{\"messages\":[{\"content\":\"Grüße 日本\"}],\"model\":\"m\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":false}}";

        // when
        ChatRequest request = parse(body);

        // then
        assertThat(forwarded(request)).isEqualTo(body.replace("false", "true"));
    }

    @Test
    void malformedAndModelLessBodiesAreRefused() {
        assertThatThrownBy(() -> parse("{\"model\":\"m\""))
                .isInstanceOfSatisfying(
                        InvalidChatRequestException.class,
                        e -> assertThat(e.answer()).isEqualTo(ErrorAnswer.INVALID_JSON));
        assertThatThrownBy(() -> parse("[1]"))
                .isInstanceOfSatisfying(
                        InvalidChatRequestException.class,
                        e -> assertThat(e.answer()).isEqualTo(ErrorAnswer.INVALID_JSON));
        assertThatThrownBy(() -> parse("{\"model\":\"m\"} trailing"))
                .isInstanceOfSatisfying(
                        InvalidChatRequestException.class,
                        e -> assertThat(e.answer()).isEqualTo(ErrorAnswer.INVALID_JSON));
        assertThatThrownBy(() -> parse(""))
                .isInstanceOfSatisfying(
                        InvalidChatRequestException.class,
                        e -> assertThat(e.answer()).isEqualTo(ErrorAnswer.INVALID_JSON));
        assertThatThrownBy(() -> parse("{\"messages\":[]}"))
                .isInstanceOfSatisfying(
                        InvalidChatRequestException.class,
                        e -> assertThat(e.answer()).isEqualTo(ErrorAnswer.MISSING_MODEL));
        assertThatThrownBy(() -> parse("{\"model\":42}"))
                .isInstanceOfSatisfying(
                        InvalidChatRequestException.class,
                        e -> assertThat(e.answer()).isEqualTo(ErrorAnswer.MISSING_MODEL));
    }

    private static void assertRefused(byte[] body, ErrorAnswer expected) {
        assertThatThrownBy(() -> ChatRequestParser.parse(body))
                .isInstanceOfSatisfying(
                        InvalidChatRequestException.class,
                        e -> assertThat(e.answer()).isEqualTo(expected));
    }

    private static void assertRefused(String body, ErrorAnswer expected) {
        assertRefused(body.getBytes(StandardCharsets.UTF_8), expected);
    }

    @Test
    void implausibleModelsAreRefusedNamingTheModelParam() {
        // given models too long, with controls, quotes, spaces or invisible characters
        String tooLong = "m".repeat(ChatRequestParser.MAX_MODEL_LENGTH + 1);
        String longest = "m".repeat(ChatRequestParser.MAX_MODEL_LENGTH);

        // then
        for (String model : new String[] {
            tooLong, "gpt-4o\\u0000", "gpt\\n4o", "gpt\\\"4o", "gpt'4o", "gpt 4o", "gpt\\u200b4o", "\\u202egpt"
        }) {
            assertRefused("{\"model\":\"" + model + "\"}", ErrorAnswer.INVALID_MODEL);
        }
        assertThat(parse("{\"model\":\"" + longest + "\"}").model()).isEqualTo(longest);
        assertThat(parse("{\"model\":\"ft:gpt-4o-mini:acme::AbC12/x.y@z\"}").model())
                .isEqualTo("ft:gpt-4o-mini:acme::AbC12/x.y@z");
        assertThat(ErrorAnswer.INVALID_MODEL.status()).isEqualTo(400);
        assertThat(ErrorAnswer.INVALID_MODEL.code()).isEqualTo("invalid_value");
    }

    @Test
    void nonBooleanStreamFlagsAreRefusedNamingTheParam() {
        assertRefused("{\"model\":\"gpt-4o\",\"stream\":\"true\"}", ErrorAnswer.INVALID_STREAM);
        assertRefused("{\"model\":\"gpt-4o\",\"stream\":1}", ErrorAnswer.INVALID_STREAM);
        assertRefused(
                "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":\"yes\"}}",
                ErrorAnswer.INVALID_INCLUDE_USAGE);
        assertThat(parse("{\"model\":\"gpt-4o\",\"stream\":null}").stream()).isFalse();
    }

    @Test
    void duplicateKeysAreRefusedSoThatMeteringAndUpstreamReadTheSameRequest() {
        assertRefused("{\"model\":\"gpt-4o-mini\",\"model\":\"o1-pro\"}", ErrorAnswer.INVALID_JSON);
        assertRefused("{\"model\":\"gpt-4o\",\"stream\":false,\"stream\":true}", ErrorAnswer.INVALID_JSON);
    }

    @Test
    void bodiesNotInUtf8AreRefused() {
        // given the same JSON in encodings Jackson would detect and decode
        String json = "{\"model\":\"gpt-4o\",\"stream\":true}";
        byte[] utf8Bom = ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8);

        // then
        assertRefused(json.getBytes(StandardCharsets.UTF_16BE), ErrorAnswer.INVALID_JSON);
        assertRefused(json.getBytes(StandardCharsets.UTF_16LE), ErrorAnswer.INVALID_JSON);
        assertRefused(json.getBytes(StandardCharsets.UTF_16), ErrorAnswer.INVALID_JSON);
        assertRefused(json.getBytes(java.nio.charset.Charset.forName("UTF-32LE")), ErrorAnswer.INVALID_JSON);
        assertRefused(utf8Bom, ErrorAnswer.INVALID_JSON);
        assertThat(parse(json).usageInjected()).isTrue();
    }

    @Test
    void collectsWhatThePromptIsMadeOfAndBoundsOutputOverAllChoices() {
        // given text, a named message, an image part, a tool call and a tool definition, with n = 3
        String tools = "[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]";
        String image = "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/y.png\"}}";
        String body = "{\"model\":\"gpt-4o\",\"n\":3,\"max_completion_tokens\":100,\"max_tokens\":7,"
                + "\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\",\"name\":\"ops\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is this?\"}," + image + "]},"
                + "{\"role\":\"assistant\",\"tool_calls\":[]}],\"tools\":" + tools + "}";

        // when
        ChatRequest request = parse(body);

        // then
        assertThat(request.prompt().texts())
                .containsExactly("system", "Be brief.", "ops", "user", "What is this?", "assistant");
        assertThat(request.prompt().messages()).isEqualTo(3);
        assertThat(request.prompt().names()).isEqualTo(1);
        assertThat(request.prompt().nonTextParts()).isEqualTo(1);
        // the image part's bytes, "[]" of the tool calls and the tool definitions, one token per byte
        assertThat(request.prompt().boundedBytes()).isEqualTo(image.length() + 2 + tools.length());
        // max_completion_tokens wins over max_tokens, and each of the 3 choices may use all of it
        assertThat(request.outputBound()).isEqualTo(300L);
    }

    @Test
    void choicesWithoutABoundAreKeptForTheEstimate() {
        // when
        ChatRequest request = parse("{\"model\":\"gpt-4.1\",\"n\":8,\"messages\":[]}");

        // then no bound, so the estimate takes the model's maximum for each of the 8
        assertThat(request.outputBound()).isNull();
        assertThat(request.choices()).isEqualTo(8);
        assertThat(new ChatCompletionsEndpoint()
                        .parse("/v1/chat/completions", "", request.forwardBody())
                        .choices())
                .isEqualTo(8);
    }

    @Test
    void boundsNoModelAcceptsAreRefusedNamingTheField() {
        // when / then: past 100,000,000 output tokens, past a long, or more than 128 choices
        assertThatThrownBy(() -> parse("{\"model\":\"gpt-4.1\",\"n\":2,\"max_tokens\":9223372036854775807}"))
                .isInstanceOfSatisfying(InvalidProxyRequestException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(400);
                    assertThat(e.error().param()).isEqualTo("max_tokens");
                    assertThat(e.error().code()).isEqualTo("invalid_value");
                    assertThat(e.error().message()).isEqualTo("The max_tokens parameter must be at most 100000000.");
                });
        assertThatThrownBy(() -> parse("{\"model\":\"m\",\"max_completion_tokens\":99999999999999999999}"))
                .isInstanceOfSatisfying(
                        InvalidProxyRequestException.class,
                        e -> assertThat(e.error().param()).isEqualTo("max_completion_tokens"));
        assertThatThrownBy(() -> parse("{\"model\":\"m\",\"n\":129}"))
                .isInstanceOfSatisfying(
                        InvalidProxyRequestException.class,
                        e -> assertThat(e.error().param()).isEqualTo("n"));
        // the largest accepted: 100,000,000 x 128 choices
        assertThat(parse("{\"model\":\"m\",\"n\":128,\"max_tokens\":100000000}").outputBound())
                .isEqualTo(12_800_000_000L);
    }

    @Test
    void aFileByIdIsInputTheCollectorCannotSee() {
        // given a file part by id, and one with inline data
        String byId = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"file\",\"file\":{\"file_id\":\"file-abc\"}}]}]}";
        String inline = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"file\",\"file\":{\"file_data\":\"JVBERi0=\",\"file_id\":null}}]}]}";

        // then
        assertThat(parse(byId).prompt().unseenInput()).isTrue();
        assertThat(parse(byId).prompt().nonTextParts()).isEqualTo(1);
        assertThat(parse(inline).prompt().unseenInput()).isFalse();
    }
}
