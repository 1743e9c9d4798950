package dev.budgetguard.ingest.proxy.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RootMemberTest {

    private static final RootMember USAGE = RootMember.named("usage");

    @Test
    void findsTheRootMemberWhereverItIsAndNeverANestedOrQuotedOne() {
        // given the real member first, then a nested one and one inside escaped text, in pretty-printed JSON
        String json = "{\n  \"usage\" : {\"a\":1},\n  \"metadata\": {\"usage\": {\"a\":2}},\n"
                + "  \"text\": \"the \\\"usage\\\": {\\\"a\\\":3}\"\n}\n";
        byte[] b = json.getBytes(StandardCharsets.UTF_8);

        // when
        int at = USAGE.valueIn(b, 0, b.length);

        // then
        assertThat(json.substring(at, at + 7)).isEqualTo("{\"a\":1}");
        assertThat(USAGE.keyIn(b, 0, b.length)).isEqualTo(json.indexOf("\"usage\""));
    }

    @Test
    void aBodyWithoutTheMemberAtItsRootHasNone() {
        byte[] nested = "{\"choices\":[{\"usage\":{\"a\":1}}],\"x\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] notAKey = "{\"usage\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(USAGE.valueIn(nested, 0, nested.length)).isEqualTo(-1);
        assertThat(USAGE.valueIn(notAKey, 0, notAKey.length)).isEqualTo(-1);
    }

    @Test
    void aSliceIsItsOwnRoot() {
        // given an SSE event whose JSON's member "message" holds the usage
        String event =
                "event: message_start\ndata: {\"message\":{\"id\":\"m\",\"usage\":{\"a\":1}},\"usage\":{\"b\":2}}\n\n";
        byte[] b = event.getBytes(StandardCharsets.UTF_8);
        int message = RootMember.named("message").valueIn(b, 0, b.length);
        int close = event.indexOf("}}", message) + 2;

        // when / then the message object's own usage, not the event's
        int at = USAGE.valueIn(b, message, close);
        assertThat(event.substring(at, at + 7)).isEqualTo("{\"a\":1}");
        assertThat(event.substring(USAGE.valueIn(b, 0, b.length), USAGE.valueIn(b, 0, b.length) + 7))
                .isEqualTo("{\"b\":2}");
    }
}
