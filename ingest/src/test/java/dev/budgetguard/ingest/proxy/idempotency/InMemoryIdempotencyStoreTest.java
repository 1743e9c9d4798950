package dev.budgetguard.ingest.proxy.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryIdempotencyStoreTest {

    static final Instant T0 = Instant.parse("2026-08-20T12:00:00Z");
    static final StoredAnswer OK =
            new StoredAnswer(200, "application/json", "{\"id\":1}".getBytes(StandardCharsets.UTF_8));

    static final RequestFingerprint A = fingerprint("{\"a\":1}");
    static final RequestFingerprint B = fingerprint("{\"a\":2}");

    final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(Duration.ofHours(24), 3, 20);

    @Test
    void aCompletedKeyIsReplayedForItsTenantUntilItExpires() {
        // given
        IdempotencyStore.Fresh first = (IdempotencyStore.Fresh) store.claim("acme", "k", A, T0);

        // when / then: in flight, then completed
        assertThat(store.claim("acme", "k", A, T0.plusSeconds(1))).isInstanceOf(IdempotencyStore.InFlight.class);
        first.ticket().complete(OK);
        IdempotencyStore.Claim repeat = store.claim("acme", "k", A, T0.plusSeconds(2));
        assertThat(repeat).isInstanceOf(IdempotencyStore.Replay.class);
        assertThat(((IdempotencyStore.Replay) repeat).answer()).isSameAs(OK);

        // another tenant's same key is its own, another body is a reuse, 24 h later the key is new
        assertThat(store.claim("borealis", "k", A, T0.plusSeconds(3))).isInstanceOf(IdempotencyStore.Fresh.class);
        assertThat(store.claim("acme", "k", B, T0.plusSeconds(4))).isInstanceOf(IdempotencyStore.Mismatch.class);
        assertThat(store.claim("acme", "k", A, T0.plus(Duration.ofHours(24)).minusMillis(1)))
                .isInstanceOf(IdempotencyStore.Replay.class);
        assertThat(store.claim("acme", "k", A, T0.plus(Duration.ofHours(24))))
                .isInstanceOf(IdempotencyStore.Fresh.class);
    }

    @Test
    void anAbandonedKeyIsFreeAgain() {
        // given
        IdempotencyStore.Fresh first = (IdempotencyStore.Fresh) store.claim("acme", "k", A, T0);

        // when
        first.ticket().abandon();
        first.ticket().complete(OK);

        // then the late complete of the abandoned ticket keeps nothing
        assertThat(store.claim("acme", "k", A, T0.plusSeconds(1))).isInstanceOf(IdempotencyStore.Fresh.class);
    }

    @Test
    void entriesAndBytesAreBoundedOldestFirst() {
        // given room for 3 keys and 20 bytes of answers (each answer is 8 bytes)
        for (String key : new String[] {"a", "b", "c"}) {
            ((IdempotencyStore.Fresh) store.claim("acme", key, A, T0)).ticket().complete(OK);
        }

        // then the third answer pushed past 20 bytes and the oldest went
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.claim("acme", "a", A, T0)).isInstanceOf(IdempotencyStore.Fresh.class);

        // and a fourth key evicts the oldest remaining one
        store.claim("acme", "d", A, T0);
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.claim("acme", "b", A, T0)).isInstanceOf(IdempotencyStore.Fresh.class);
        assertThat(store.claim("acme", "c", A, T0)).isInstanceOf(IdempotencyStore.Fresh.class);
    }

    @Test
    void theFingerprintCoversRoutePathQueryAndBody() {
        // given one body sent to two Gemini models, to two OpenAI routes, and with two queries
        byte[] body = "{\"contents\":[]}".getBytes(StandardCharsets.UTF_8);
        String route = "/v1beta/models/{model}:generateContent";

        // when
        RequestFingerprint flash =
                RequestFingerprint.of(route, "/v1beta/models/gemini-2.5-flash:generateContent", body);
        RequestFingerprint pro = RequestFingerprint.of(route, "/v1beta/models/gemini-2.5-pro:generateContent", body);
        RequestFingerprint chat = RequestFingerprint.of("/v1/chat/completions", "/v1/chat/completions", body);
        RequestFingerprint responses = RequestFingerprint.of("/v1/responses", "/v1/responses", body);
        RequestFingerprint query =
                RequestFingerprint.of(route, "/v1beta/models/gemini-2.5-flash:generateContent?x=1", body);

        // then only the very same request matches, and a field boundary cannot be moved to fake one
        assertThat(flash)
                .isEqualTo(RequestFingerprint.of(route, "/v1beta/models/gemini-2.5-flash:generateContent", body));
        assertThat(flash).isNotEqualTo(pro).isNotEqualTo(query);
        assertThat(chat).isNotEqualTo(responses);
        assertThat(RequestFingerprint.of("/a", "b", new byte[] {'c'}))
                .isNotEqualTo(RequestFingerprint.of("/a", "bc", new byte[0]));
        // SHA-256 of 00000002 "/a" 00000001 "b" 00000001 "c" (python hashlib), first 8 bytes
        assertThat(RequestFingerprint.of("/a", "b", new byte[] {'c'}).toString())
                .isEqualTo("sha256:4f72bb484bf41241");
        IdempotencyStore.Fresh first = (IdempotencyStore.Fresh) store.claim("acme", "k", flash, T0);
        first.ticket().complete(OK);
        assertThat(store.claim("acme", "k", pro, T0.plusSeconds(1))).isInstanceOf(IdempotencyStore.Mismatch.class);
    }

    private static RequestFingerprint fingerprint(String body) {
        return RequestFingerprint.of(
                "/v1/chat/completions", "/v1/chat/completions", body.getBytes(StandardCharsets.UTF_8));
    }
}
