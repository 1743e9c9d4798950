package dev.budgetguard.ingest.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseFramerTest {

    private static List<String> feed(SseFramer framer, String chunk) {
        List<String> out = new ArrayList<>();
        for (byte[] event : framer.feed(chunk.getBytes(StandardCharsets.UTF_8))) {
            out.add(new String(event, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void eventsSplitAcrossChunksComeOutWhole() {
        // given
        SseFramer framer = new SseFramer(1 << 20);

        // when the network splits inside an event, inside the blank line, and packs two events in one chunk
        List<String> first = feed(framer, "data: {\"a\":");
        List<String> second = feed(framer, "1}\n");
        List<String> third = feed(framer, "\ndata: {\"b\":2}\n\ndata: [DO");
        List<String> fourth = feed(framer, "NE]\n\n");

        // then
        assertThat(first).isEmpty();
        assertThat(second).isEmpty();
        assertThat(third).containsExactly("data: {\"a\":1}\n\n", "data: {\"b\":2}\n\n");
        assertThat(fourth).containsExactly("data: [DONE]\n\n");
        assertThat(framer.rest()).isNull();
    }

    @Test
    void crlfLineEndsAndMultiLineEventsAreKeptByteForByte() {
        // given
        SseFramer framer = new SseFramer(1 << 20);

        // when
        List<String> events = feed(framer, "event: x\r\ndata: 1\r\n\r\n: comment\n\nda");

        // then
        assertThat(events).containsExactly("event: x\r\ndata: 1\r\n\r\n", ": comment\n\n");
        assertThat(new String(framer.rest(), StandardCharsets.UTF_8)).isEqualTo("da");
    }

    @Test
    void anEventStillOpenPastTheLimitFailsTheStream() {
        // given a 64-byte limit
        SseFramer framer = new SseFramer(64);

        // when a 58-byte event passes, then one grows past 64 bytes without a blank line
        List<String> small = feed(framer, "data: " + "a".repeat(50) + "\n\n");
        List<String> open = feed(framer, "data: " + "b".repeat(40));

        // then
        assertThat(small).containsExactly("data: " + "a".repeat(50) + "\n\n");
        assertThat(open).isEmpty();
        assertThatThrownBy(() -> feed(framer, "b".repeat(40)))
                .isInstanceOf(UpstreamTooLargeException.class)
                .hasMessage("upstream answer exceeds 64 bytes");
    }
}
