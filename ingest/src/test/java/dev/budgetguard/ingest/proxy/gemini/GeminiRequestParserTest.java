package dev.budgetguard.ingest.proxy.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.budgetguard.ingest.proxy.InvalidProxyRequestException;
import dev.budgetguard.ingest.proxy.MeteredRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GeminiRequestParserTest {

    static final GeminiCall PRO = new GeminiCall("gemini-2.5-pro", false);

    @Test
    void candidateCountMultipliesTheOutputBound() {
        // when 3 candidates of up to 100 tokens, and 4 (snake_case) without a bound
        MeteredRequest bounded =
                parse("{\"contents\":[],\"generationConfig\":{\"maxOutputTokens\":100," + "\"candidateCount\":3}}");
        MeteredRequest unbounded = parse("{\"generation_config\":{\"candidate_count\":4}}");

        // then 300 tokens over all candidates; without a bound each of the 4 may use the model's maximum
        assertThat(bounded.maxOutputTokens()).isEqualTo(300L);
        assertThat(bounded.choices()).isEqualTo(3);
        assertThat(unbounded.maxOutputTokens()).isNull();
        assertThat(unbounded.choices()).isEqualTo(4);
    }

    @Test
    void aFileByUriOrCachedContentIsInputTheCollectorCannotSee() {
        // given
        String file = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Summarize\"},"
                + "{\"file_data\":{\"mime_type\":\"video/mp4\",\"file_uri\":\"https://x/v.mp4\"}}]}]}";
        String cached = "{\"cachedContent\":\"cachedContents/abc\",\"contents\":[]}";
        String seen = "{\"contents\":[{\"parts\":[{\"text\":\"fileData\"}]}],\"tools\":[{\"functionDeclarations\":"
                + "[{\"name\":\"f\",\"parameters\":{\"type\":\"object\",\"properties\":{\"fileData\":{}}}}]}]}";

        // then
        assertThat(parse(file).prompt().unseenInput()).isTrue();
        assertThat(parse(cached).prompt().unseenInput()).isTrue();
        assertThat(parse(seen).prompt().unseenInput()).isFalse();
        assertThat(parse(seen).prompt().boundedBytes()).isEqualTo(seen.length());
    }

    @Test
    void boundsNoModelAcceptsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> parse("{\"generationConfig\":{\"maxOutputTokens\":9223372036854775807}}"))
                .isInstanceOfSatisfying(InvalidProxyRequestException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(400);
                    assertThat(e.error().param()).isEqualTo("generationConfig.maxOutputTokens");
                });
        assertThatThrownBy(() -> parse("{\"generation_config\":{\"candidate_count\":129}}"))
                .isInstanceOfSatisfying(
                        InvalidProxyRequestException.class,
                        e -> assertThat(e.error().param()).isEqualTo("generation_config.candidate_count"));
    }

    private static MeteredRequest parse(String body) {
        return GeminiRequestParser.parse(PRO, body.getBytes(StandardCharsets.UTF_8));
    }
}
