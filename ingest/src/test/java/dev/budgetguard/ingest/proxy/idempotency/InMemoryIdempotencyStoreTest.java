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

    final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(Duration.ofHours(24), 3, 20);

    @Test
    void aCompletedKeyIsReplayedForItsTenantUntilItExpires() {
        // given
        IdempotencyStore.Fresh first = (IdempotencyStore.Fresh) store.claim("acme", "k", 7, T0);

        // when / then: in flight, then completed
        assertThat(store.claim("acme", "k", 7, T0.plusSeconds(1))).isInstanceOf(IdempotencyStore.InFlight.class);
        first.ticket().complete(OK);
        IdempotencyStore.Claim repeat = store.claim("acme", "k", 7, T0.plusSeconds(2));
        assertThat(repeat).isInstanceOf(IdempotencyStore.Replay.class);
        assertThat(((IdempotencyStore.Replay) repeat).answer()).isSameAs(OK);

        // another tenant's same key is its own, another body is a reuse, 24 h later the key is new
        assertThat(store.claim("borealis", "k", 7, T0.plusSeconds(3))).isInstanceOf(IdempotencyStore.Fresh.class);
        assertThat(store.claim("acme", "k", 8, T0.plusSeconds(4))).isInstanceOf(IdempotencyStore.Mismatch.class);
        assertThat(store.claim("acme", "k", 7, T0.plus(Duration.ofHours(24)).minusMillis(1)))
                .isInstanceOf(IdempotencyStore.Replay.class);
        assertThat(store.claim("acme", "k", 7, T0.plus(Duration.ofHours(24))))
                .isInstanceOf(IdempotencyStore.Fresh.class);
    }

    @Test
    void anAbandonedKeyIsFreeAgain() {
        // given
        IdempotencyStore.Fresh first = (IdempotencyStore.Fresh) store.claim("acme", "k", 7, T0);

        // when
        first.ticket().abandon();
        first.ticket().complete(OK);

        // then the late complete of the abandoned ticket keeps nothing
        assertThat(store.claim("acme", "k", 7, T0.plusSeconds(1))).isInstanceOf(IdempotencyStore.Fresh.class);
    }

    @Test
    void entriesAndBytesAreBoundedOldestFirst() {
        // given room for 3 keys and 20 bytes of answers (each answer is 8 bytes)
        for (String key : new String[] {"a", "b", "c"}) {
            ((IdempotencyStore.Fresh) store.claim("acme", key, 1, T0)).ticket().complete(OK);
        }

        // then the third answer pushed past 20 bytes and the oldest went
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.claim("acme", "a", 1, T0)).isInstanceOf(IdempotencyStore.Fresh.class);

        // and a fourth key evicts the oldest remaining one
        store.claim("acme", "d", 1, T0);
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.claim("acme", "b", 1, T0)).isInstanceOf(IdempotencyStore.Fresh.class);
        assertThat(store.claim("acme", "c", 1, T0)).isInstanceOf(IdempotencyStore.Fresh.class);
    }
}
