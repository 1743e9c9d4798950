package dev.budgetguard.ingest.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InMemoryTenantDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:15:30Z");

    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory(Clock.fixed(NOW, ZoneOffset.UTC));
    private final String acmeKey = new ApiKeyMinter().mint();
    private final String globexKey = new ApiKeyMinter().mint();

    @BeforeEach
    void loadTwoTenants() {
        directory.replace(List.of(
                new ActiveKey("acme", "acme-key-1", KeyDigest.sha256Hex(acmeKey)),
                new ActiveKey("globex", "globex-key-1", KeyDigest.sha256Hex(globexKey))));
    }

    @Test
    void theRightKeyAuthenticatesItsTenantAndNamesTheKey() {
        // when
        var result = directory.authenticate("acme", acmeKey);

        // then
        assertThat(result).contains(new AuthenticatedTenant("acme", "acme-key-1"));
    }

    @Test
    void aWrongKeyOrAnUnknownTenantIsRefused() {
        // when / then
        assertThat(directory.authenticate("acme", acmeKey + "x")).isEmpty();
        assertThat(directory.authenticate("acme", "")).isEmpty();
        assertThat(directory.authenticate("initech", acmeKey)).isEmpty();
        assertThat(directory.authenticate(null, acmeKey)).isEmpty();
        assertThat(directory.authenticate("acme", null)).isEmpty();
    }

    @Test
    void anotherTenantsKeyIsRefused() {
        // when
        var result = directory.authenticate("acme", globexKey);

        // then
        assertThat(result).isEmpty();
        assertThat(directory.authenticate("globex", globexKey))
                .contains(new AuthenticatedTenant("globex", "globex-key-1"));
    }

    @Test
    void aReloadWithoutTheKeyRefusesItFromThenOn() {
        // given the acme key was revoked elsewhere
        var size = directory.replace(List.of(new ActiveKey("globex", "globex-key-1", KeyDigest.sha256Hex(globexKey))));

        // when
        var result = directory.authenticate("acme", acmeKey);

        // then
        assertThat(result).isEmpty();
        assertThat(size).isEqualTo(new InMemoryTenantDirectory.DirectorySize(1, 1));
    }

    @Test
    void lastUseIsRememberedPerKeyAndDrainedOnce() {
        // given
        directory.authenticate("acme", acmeKey);
        directory.authenticate("acme", "wrong");

        // when
        var firstDrain = directory.drainLastUse();
        var secondDrain = directory.drainLastUse();

        // then
        assertThat(firstDrain).containsExactlyEntriesOf(java.util.Map.of("acme-key-1", NOW));
        assertThat(secondDrain).isEmpty();
    }

    @Test
    void anExpiringKeyAuthenticatesUntilTheInstantItExpires() {
        // given
        SettableClock clock = new SettableClock(NOW);
        InMemoryTenantDirectory expiring = new InMemoryTenantDirectory(clock);
        Instant end = NOW.plusSeconds(30);
        expiring.replace(List.of(new ActiveKey("acme", "acme-key-1", KeyDigest.sha256Hex(acmeKey), end)));

        // when
        clock.set(end.minusNanos(1));
        var justBefore = expiring.authenticate("acme", acmeKey);
        clock.set(end);
        var atTheInstant = expiring.authenticate("acme", acmeKey);

        // then
        assertThat(justBefore).isPresent();
        assertThat(atTheInstant).isEmpty();
    }

    @Test
    void aUseNotYetFlushedSurvivesAReloadThatDropsTheKey() {
        // given
        directory.authenticate("acme", acmeKey);

        // when the key is revoked before the flush
        directory.replace(List.of(new ActiveKey("globex", "globex-key-1", KeyDigest.sha256Hex(globexKey))));

        // then
        assertThat(directory.drainLastUse()).containsExactlyEntriesOf(java.util.Map.of("acme-key-1", NOW));
        assertThat(directory.drainLastUse()).isEmpty();
    }

    @Test
    void mintedKeysCarryTheSchemeAndTwoHundredFiftySixRandomBits() {
        // when
        String key = new ApiKeyMinter().mint();

        // then
        assertThat(key).matches("bg_[A-Za-z0-9_-]{43}").isNotEqualTo(acmeKey);
        assertThat(ApiKeyMinter.displayPrefix(key)).hasSize(8).isEqualTo(key.substring(0, 8));
    }
}
