package dev.budgetguard.ingest.proxy.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseEventsTest {

    @Test
    void readsTheEventFieldBeforeTheDataWithOrWithoutASpaceAndWithCrlf() {
        assertThat(SseEvents.named(bytes("event: message_delta\ndata: {}\n\n"), "message_delta"))
                .isTrue();
        assertThat(SseEvents.named(bytes("event:message_delta\r\ndata: {}\r\n\r\n"), "message_delta"))
                .isTrue();
        assertThat(SseEvents.named(bytes("id: 7\nevent: message_start\ndata: {}\n\n"), "message_start"))
                .isTrue();
    }

    @Test
    void anEventNamedInItsDataOrNamedOtherwiseIsNot() {
        assertThat(SseEvents.named(bytes("data: {\"type\":\"message_delta\"}\n\n"), "message_delta"))
                .isFalse();
        assertThat(SseEvents.named(bytes("event: message_delta_x\ndata: {}\n\n"), "message_delta"))
                .isFalse();
        assertThat(SseEvents.named(bytes("data: x\nevent: message_delta\n\n"), "message_delta"))
                .isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
