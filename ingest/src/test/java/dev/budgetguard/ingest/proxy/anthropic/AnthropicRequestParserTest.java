package dev.budgetguard.ingest.proxy.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.budgetguard.ingest.proxy.InvalidProxyRequestException;
import dev.budgetguard.ingest.proxy.MeteredRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AnthropicRequestParserTest {

    @Test
    void readsModelStreamAndMaxTokensAndForwardsTheBodyAsSent() {
        // given
        byte[] body = ("{\"model\":\"claude-haiku-4-5\",\"max_tokens\":512,\"stream\":true,"
                        + "\"system\":[{\"type\":\"text\",\"text\":\"model: not this one\"}],\"messages\":[]}")
                .getBytes(StandardCharsets.UTF_8);

        // when
        MeteredRequest request = AnthropicRequestParser.parse(body);

        // then
        assertThat(request.model()).isEqualTo("claude-haiku-4-5");
        assertThat(request.stream()).isTrue();
        assertThat(request.maxOutputTokens()).isEqualTo(512L);
        assertThat(request.upstreamPath()).isEqualTo("/messages");
        assertThat(request.forwardBody()).isSameAs(body);
        assertThat(request.usageInjected()).isFalse();
    }

    @Test
    void refusesWhatTwoReadersCouldReadDifferently() {
        assertThatThrownBy(() -> parse("{\"model\":\"a\",\"model\":\"b\",\"max_tokens\":1}"))
                .isInstanceOf(InvalidProxyRequestException.class)
                .hasMessage("invalid_json");
        assertThatThrownBy(() -> parse("{\"max_tokens\":1}")).hasMessage("missing_required_parameter");
        assertThatThrownBy(() -> parse("{\"model\":\"claude sonnet\"}")).hasMessage("invalid_value");
        assertThatThrownBy(() -> parse("{\"model\":\"m\",\"stream\":\"yes\"}")).hasMessage("invalid_type");
        assertThatThrownBy(() ->
                        AnthropicRequestParser.parse(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}))
                .hasMessage("invalid_json");
    }

    @Test
    void errorsHaveAnthropicsShapeAndTypes() {
        // when
        String body = new String(
                AnthropicErrorShape.INSTANCE.render(dev.budgetguard.ingest.proxy.ErrorAnswer.INVALID_CREDENTIALS),
                StandardCharsets.UTF_8);

        // then
        assertThat(body)
                .isEqualTo("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                        + "\"message\":\"Incorrect tenant or API key provided.\"}}");
        assertThat(AnthropicErrorShape.type(402)).isEqualTo("billing_error");
        assertThat(AnthropicErrorShape.type(429)).isEqualTo("rate_limit_error");
        assertThat(AnthropicErrorShape.type(502)).isEqualTo("api_error");
    }

    private static MeteredRequest parse(String body) {
        return AnthropicRequestParser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void imageAndDocumentBlocksAreNonTextPartsAndRemoteSourcesAreUnseen() {
        // given a base64 image, a text document and an image inside a tool result
        String inline = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\","
                + "\"content\":[{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"data\":\"iVBO\"}},"
                + "{\"source\":{\"type\":\"text\",\"data\":\"terms\"},\"type\":\"document\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":[{\"type\":\"image\","
                + "\"source\":{\"type\":\"base64\",\"data\":\"R0lG\"}}]}]}]}";
        String byUrl = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\","
                + "\"content\":[{\"type\":\"document\",\"source\":{\"type\":\"url\",\"url\":\"https://x/a.pdf\"}}]}]}";
        String byFile = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\","
                + "\"content\":[{\"type\":\"image\",\"source\":{\"file_id\":\"file_1\",\"type\":\"file\"}}]}]}";

        // when
        MeteredRequest three = parse(inline);

        // then each block gets the 4,096-token allowance on top of the body's bytes
        assertThat(three.prompt().nonTextParts()).isEqualTo(3);
        assertThat(three.prompt().boundedBytes()).isEqualTo(inline.length());
        assertThat(three.prompt().unseenInput()).isFalse();
        assertThat(parse(byUrl).prompt().unseenInput()).isTrue();
        assertThat(parse(byFile).prompt().unseenInput()).isTrue();
        assertThat(parse(byFile).prompt().nonTextParts()).isEqualTo(1);
    }

    @Test
    void aMaxTokensNoModelAcceptsIsRefused() {
        assertThatThrownBy(() -> parse("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100000001}"))
                .isInstanceOfSatisfying(InvalidProxyRequestException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(400);
                    assertThat(e.error().param()).isEqualTo("max_tokens");
                });
    }
}
