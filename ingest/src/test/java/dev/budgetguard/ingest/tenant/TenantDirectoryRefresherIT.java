package dev.budgetguard.ingest.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two collector nodes over one database: changes made on one reach the other on its next poll. */
class TenantDirectoryRefresherIT {

    private static final Instant NOW = Instant.parse("2026-12-03T10:15:30Z");

    @TempDir
    Path dir;

    private JdbcClient jdbc;
    private Node nodeA;
    private Node nodeB;

    @BeforeEach
    void twoNodesOnOneDatabase() {
        DataSource dataSource = newDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = JdbcClient.create(dataSource);
        nodeA = new Node(dataSource);
        nodeB = new Node(dataSource);
    }

    /** An empty database for one test; H2 here, overridden to run the same tests on PostgreSQL. */
    DataSource newDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("budgetguard") + ";AUTO_SERVER=TRUE");
        dataSource.setUser("sa");
        return dataSource;
    }

    @Test
    void aKeyIssuedOnOneNodeAuthenticatesOnTheOtherAfterItsPoll() {
        // given
        TenantId acme = new TenantId("acme");
        nodeA.administration.createTenant(acme, RateLimit.UNLIMITED);
        IssuedApiKey issued = nodeA.administration.issueKey(acme, "Production Key");

        // when / then: node A applied it at once, node B only after polling
        assertThat(nodeA.directory.authenticate("acme", issued.secret())).isPresent();
        assertThat(nodeB.directory.authenticate("acme", issued.secret())).isEmpty();
        nodeB.refresher.poll();
        assertThat(nodeB.directory.authenticate("acme", issued.secret()))
                .contains(new AuthenticatedTenant("acme", issued.apiKey().id()));
    }

    @Test
    void aKeyRevokedOnOneNodeIsRefusedByTheOtherAfterItsPoll() {
        // given
        TenantId acme = new TenantId("acme");
        nodeA.administration.createTenant(acme, RateLimit.UNLIMITED);
        IssuedApiKey issued = nodeA.administration.issueKey(acme, "Production Key");
        nodeB.refresher.poll();

        // when
        ApiKey revoked = nodeA.administration.revokeKey(acme, issued.apiKey().id());
        nodeB.refresher.poll();

        // then
        assertThat(revoked.revokedAt()).isEqualTo(NOW);
        assertThat(nodeA.directory.authenticate("acme", issued.secret())).isEmpty();
        assertThat(nodeB.directory.authenticate("acme", issued.secret())).isEmpty();
    }

    @Test
    void lastUseReachesTheDatabaseOnThePollNotOnTheRequest() {
        // given
        TenantId acme = new TenantId("acme");
        nodeA.administration.createTenant(acme, RateLimit.UNLIMITED);
        IssuedApiKey issued = nodeA.administration.issueKey(acme, "Production Key");
        nodeA.directory.authenticate("acme", issued.secret());
        assertThat(lastUsedAt(issued)).isNull();

        // when
        nodeA.refresher.poll();

        // then
        assertThat(lastUsedAt(issued)).isEqualTo(NOW);
    }

    @Test
    void theStoredRowHoldsTheHashAndPrefixButNeverTheKey() {
        // given
        TenantId acme = new TenantId("acme");
        nodeA.administration.createTenant(acme, new RateLimit(50));

        // when
        IssuedApiKey issued = nodeA.administration.issueKey(acme, "Production Key");

        // then
        // (read by label through the ResultSet: H2 reports column names upper case, PostgreSQL lower case)
        var row = jdbc.sql("SELECT prefix, key_hash FROM api_key WHERE id = :id")
                .param("id", issued.apiKey().id())
                .query((rs, n) -> List.of(rs.getString("prefix"), rs.getString("key_hash")))
                .single();
        assertThat(row).containsExactly(issued.secret().substring(0, 8), KeyDigest.sha256Hex(issued.secret()));
        assertThat(nodeA.administration.tenant(acme).apiKeys())
                .extracting(ApiKey::prefix)
                .containsExactly(issued.secret().substring(0, 8));
    }

    private Instant lastUsedAt(IssuedApiKey issued) {
        return jdbc.sql("SELECT last_used_at FROM api_key WHERE id = :id")
                .param("id", issued.apiKey().id())
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .single()
                .map(OffsetDateTime::toInstant)
                .orElse(null);
    }

    /** What one collector node holds: its own directory and refresher over the shared store. */
    private static final class Node {
        final InMemoryTenantDirectory directory;
        final TenantDirectoryRefresher refresher;
        final TenantAdministration administration;

        Node(DataSource dataSource) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            TenantStore store = new JdbcTenantStore(
                    JdbcClient.create(dataSource),
                    new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
            directory = new InMemoryTenantDirectory(clock);
            refresher = new TenantDirectoryRefresher(store, directory, new DirectoryRefresh(Duration.ofHours(1)));
            administration = new TenantAdministration(store, refresher, new ApiKeyMinter(), clock);
        }
    }
}
