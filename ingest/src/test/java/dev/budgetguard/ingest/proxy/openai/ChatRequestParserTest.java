package dev.budgetguard.ingest.proxy.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.budgetguard.ingest.proxy.ErrorAnswer;
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
}
