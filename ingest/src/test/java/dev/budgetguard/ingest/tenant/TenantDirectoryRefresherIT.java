package dev.budgetguard.ingest.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.admission.Admission;
import dev.budgetguard.ingest.admission.LockFreeSpendLedger;
import dev.budgetguard.ingest.admission.SpendLedger;
import dev.budgetguard.ingest.audit.Actor;
import dev.budgetguard.ingest.audit.JdbcAuditLog;
import dev.budgetguard.ingest.ratelimit.RateDecision;
import dev.budgetguard.ingest.ratelimit.RateLimit;
import dev.budgetguard.ingest.ratelimit.RateLimiter;
import dev.budgetguard.ingest.ratelimit.SlidingLogRateLimiter;
import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetPeriod;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two collector nodes over one database: changes made on one apply there at once and on the other on its poll. */
class TenantDirectoryRefresherIT {

    private static final Instant NOW = Instant.parse("2026-12-03T10:15:30Z");
    private static final TenantId ACME = new TenantId("acme");

    @TempDir
    Path dir;

    private DataSource dataSource;
    private JdbcClient jdbc;
    private SettableClock clock;
    private Node nodeA;
    private Node nodeB;

    @BeforeEach
    void twoNodesOnOneDatabase() {
        dataSource = newDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = JdbcClient.create(dataSource);
        clock = new SettableClock(NOW);
        nodeA = new Node(dataSource, clock);
        nodeB = new Node(dataSource, clock);
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
        nodeA.tenants.createTenant(Actor.ADMIN, ACME, RateLimit.UNLIMITED, List.of());
        IssuedApiKey issued = nodeA.keys.issueKey(Actor.ADMIN, ACME, "Production Key");

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
        nodeA.tenants.createTenant(Actor.ADMIN, ACME, RateLimit.UNLIMITED, List.of());
        IssuedApiKey issued = nodeA.keys.issueKey(Actor.ADMIN, ACME, "Production Key");
        nodeB.refresher.poll();

        // when
        ApiKey revoked = nodeA.keys.revokeKey(Actor.ADMIN, ACME, issued.apiKey().id());
        nodeB.refresher.poll();

        // then
        assertThat(revoked.revokedAt()).isEqualTo(NOW);
        assertThat(nodeA.directory.authenticate("acme", issued.secret())).isEmpty();
        assertThat(nodeB.directory.authenticate("acme", issued.secret())).isEmpty();
    }

    @Test
    void aRotatedKeyWorksUntilTheExactEndOfItsGraceOnBothNodes() {
        // given
        nodeA.tenants.createTenant(Actor.ADMIN, ACME, RateLimit.UNLIMITED, List.of());
        IssuedApiKey old = nodeA.keys.issueKey(Actor.ADMIN, ACME, "Production Key");

        // when
        RotatedApiKey rotated =
                nodeA.keys.rotateKey(Actor.ADMIN, ACME, old.apiKey().id(), Duration.ofSeconds(30));
        nodeB.refresher.poll();

        // then both keys work during the grace, the old one until one nanosecond before its end
        Instant end = NOW.plusSeconds(30);
        assertThat(rotated.replaced().expiresAt()).isEqualTo(end);
        assertThat(rotated.successor().apiKey().name()).isEqualTo("Production Key");
        clock.set(end.minusNanos(1));
        for (Node node : List.of(nodeA, nodeB)) {
            assertThat(node.directory.authenticate("acme", old.secret())).isPresent();
            assertThat(node.directory.authenticate("acme", rotated.successor().secret()))
                    .isPresent();
        }
        clock.set(end);
        for (Node node : List.of(nodeA, nodeB)) {
            assertThat(node.directory.authenticate("acme", old.secret())).isEmpty();
            assertThat(node.directory.authenticate("acme", rotated.successor().secret()))
                    .contains(new AuthenticatedTenant(
                            "acme", rotated.successor().apiKey().id()));
        }
    }

    @Test
    void aRotationWithoutGraceEndsTheOldKeyForTheVeryNextRequest() {
        // given
        nodeA.tenants.createTenant(Actor.ADMIN, ACME, RateLimit.UNLIMITED, List.of());
        IssuedApiKey old = nodeA.keys.issueKey(Actor.ADMIN, ACME, "k");

        // when
        RotatedApiKey rotated =
                nodeA.keys.rotateKey(Actor.ADMIN, ACME, old.apiKey().id(), Duration.ZERO);

        // then
        assertThat(nodeA.directory.authenticate("acme", old.secret())).isEmpty();
        assertThat(nodeA.directory.authenticate("acme", rotated.successor().secret()))
                .isPresent();
    }

    @Test
    void aDeletedTenantsKeysDieAndItsCapsLeaveTheHotPath() {
        // given
        Budget budget = monthly("0.30");
        nodeA.tenants.createTenant(Actor.ADMIN, ACME, new RateLimit(1, 0), List.of(budget));
        IssuedApiKey issued = nodeA.keys.issueKey(Actor.ADMIN, ACME, "k");
        nodeB.refresher.poll();
        assertThat(nodeB.ledger.usage("acme", budget.id(), NOW)).isPresent();

        // when
        Instant deletedAt = nodeA.tenants.deleteTenant(Actor.ADMIN, ACME);
        nodeB.refresher.poll();

        // then
        assertThat(deletedAt).isEqualTo(NOW);
        for (Node node : List.of(nodeA, nodeB)) {
            assertThat(node.directory.authenticate("acme", issued.secret())).isEmpty();
            assertThat(node.ledger.usage("acme", budget.id(), NOW)).isEmpty();
            // an unknown tenant is not rate limited by a leftover quota
            assertThat(node.limiter.tryAcquire("acme", 0, NOW)).isEqualTo(RateDecision.ALLOWED);
            assertThat(node.limiter.tryAcquire("acme", 0, NOW)).isEqualTo(RateDecision.ALLOWED);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key WHERE revoked_at IS NULL")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void budgetsAndLimitsReachTheLedgerAndLimiterOfEveryNode() {
        // given
        nodeA.tenants.createTenant(Actor.ADMIN, ACME, RateLimit.UNLIMITED, List.of());
        Budget budget = monthly("0.30");

        // when
        nodeA.budgets.addBudget(Actor.ADMIN, budget);
        nodeA.tenants.changeRateLimit(Actor.ADMIN, ACME, 1, null);
        nodeB.refresher.poll();

        // then three $0.10 requests fit the $0.30 budget and a fourth does not, on each node's own ledger
        for (Node node : List.of(nodeA, nodeB)) {
            for (int i = 0; i < 3; i++) {
                assertThat(node.ledger.tryAdmit("acme", new BigDecimal("0.10"), NOW))
                        .isInstanceOf(Admission.Admitted.class);
            }
            assertThat(node.ledger.tryAdmit("acme", new BigDecimal("0.10"), NOW))
                    .isInstanceOf(Admission.Refused.class);
            assertThat(node.limiter.tryAcquire("acme", 0, NOW).allowed()).isTrue();
            assertThat(node.limiter.tryAcquire("acme", 0, NOW).allowed()).isFalse();
        }
    }

    @Test
    void aDeletedBudgetStopsCapping() {
        // given
        Budget budget = monthly("0");
        nodeA.tenants.createTenant(Actor.ADMIN, ACME, RateLimit.UNLIMITED, List.of(budget));
        assertThat(nodeA.ledger.tryAdmit("acme", new BigDecimal("0.01"), NOW)).isInstanceOf(Admission.Refused.class);

        // when
        nodeA.budgets.deleteBudget(Actor.ADMIN, ACME, budget.id());

        // then
        assertThat(nodeA.ledger.tryAdmit("acme", new BigDecimal("0.01"), NOW)).isInstanceOf(Admission.Admitted.class);
        assertThat(nodeA.budgets.budgets(ACME)).isEmpty();
    }

    @Test
    void aCorruptBudgetRowIsSkippedAndCountedWhileOtherTenantsRevocationsStillApplyAndTheDirectoryStarts() {
        // given a good budget, and a row a corrupted database holds: its custom range ends before it starts
        Budget good = monthly("0.30");
        nodeA.tenants.createTenant(Actor.ADMIN, ACME, RateLimit.UNLIMITED, List.of(good));
        jdbc.sql("INSERT INTO budget (id, tenant_id, period, custom_start, custom_end, limit_usd, time_zone,"
                        + " thresholds, created_at) VALUES ('bad-1', 'acme', 'custom', DATE '2026-12-31',"
                        + " DATE '2026-01-01', 5, 'UTC', '50,80,100', :createdAt)")
                .param("createdAt", OffsetDateTime.parse("2026-01-01T00:00:00Z"))
                .update();
        TenantId globex = new TenantId("globex");
        nodeA.tenants.createTenant(Actor.ADMIN, globex, RateLimit.UNLIMITED, List.of());
        IssuedApiKey issued = nodeA.keys.issueKey(Actor.ADMIN, globex, "k");
        nodeB.refresher.poll();
        assertThat(nodeB.directory.authenticate("globex", issued.secret())).isPresent();

        // when another tenant's key is revoked on node A and node B polls
        nodeA.keys.revokeKey(Actor.ADMIN, globex, issued.apiKey().id());
        nodeB.refresher.poll();

        // then both nodes refuse the key, and the good budget still caps on node B
        assertThat(nodeA.directory.authenticate("globex", issued.secret())).isEmpty();
        assertThat(nodeB.directory.authenticate("globex", issued.secret())).isEmpty();
        assertThat(nodeB.ledger.usage("acme", good.id(), NOW)).isPresent();
        assertThat(nodeA.budgets.budgets(ACME))
                .extracting(status -> status.budget().budget().id())
                .containsExactly(good.id());
        assertThat(nodeB.meters
                        .get("budgetguard.tenant.budget.rows.unreadable")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        // and a node starting over the same database loads instead of failing its start-up
        Node restarted = new Node(dataSource, clock);
        restarted.refresher.start();
        try {
            assertThat(restarted.ledger.usage("acme", good.id(), NOW)).isPresent();
            assertThat(restarted.directory.authenticate("globex", issued.secret()))
                    .isEmpty();
        } finally {
            restarted.refresher.stop();
        }
    }

    @Test
    void aBudgetTheDatabaseWouldNotReturnAsWrittenIsRolledBackWithItsAudit() {
        // given a year no DATE column keeps (the admin API refuses it before it gets here)
        nodeA.tenants.createTenant(Actor.ADMIN, ACME, RateLimit.UNLIMITED, List.of());
        Budget garbled = new Budget(
                UUID.randomUUID().toString(),
                "acme",
                new BudgetPeriod.Custom(
                        java.time.LocalDate.of(-999_999_999, 1, 1), java.time.LocalDate.of(2026, 12, 31)),
                BigDecimal.ONE,
                java.time.ZoneId.of("UTC"));

        // when / then
        // (H2 stores a garbled date and the read-back catches it; PostgreSQL refuses the insert itself)
        org.assertj.core.api.Assertions.assertThatRuntimeException()
                .isThrownBy(() -> nodeA.budgets.addBudget(Actor.ADMIN, garbled));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM budget").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'create_budget'")
                        .query(Long.class)
                        .single())
                .isZero();
        nodeB.refresher.poll();
        assertThat(nodeA.budgets.budgets(ACME)).isEmpty();
    }

    @Test
    void lastUseReachesTheDatabaseOnTheFlushNotOnTheRequest() {
        // given
        nodeA.tenants.createTenant(Actor.ADMIN, ACME, RateLimit.UNLIMITED, List.of());
        IssuedApiKey issued = nodeA.keys.issueKey(Actor.ADMIN, ACME, "Production Key");
        clock.advance(Duration.ofSeconds(7));
        nodeA.directory.authenticate("acme", issued.secret());
        nodeA.refresher.poll();
        assertThat(lastUsedAt(issued)).isNull();

        // when
        nodeA.refresher.flushLastUse();

        // then
        assertThat(lastUsedAt(issued)).isEqualTo(NOW.plusSeconds(7));
        assertThat(nodeA.tenants.tenant(ACME).apiKeys())
                .extracting(ApiKey::lastUsedAt)
                .containsExactly(NOW.plusSeconds(7));
    }

    @Test
    void everyChangeIsAuditedWithItsActorAndNeverTheKey() {
        // given
        Actor alice = Actor.admin("alice@example.com");

        // when
        nodeA.tenants.createTenant(alice, ACME, RateLimit.UNLIMITED, List.of());
        IssuedApiKey issued = nodeA.keys.issueKey(alice, ACME, "k");
        nodeA.keys.revokeKey(Actor.ADMIN, ACME, issued.apiKey().id());

        // then
        var rows = jdbc.sql("SELECT actor, action, target_type, target_id, detail FROM audit_log ORDER BY action")
                .query((rs, row) -> String.join(
                        " ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        assertThat(rows)
                .containsExactly(
                        "admin:alice@example.com create_api_key api_key "
                                + issued.apiKey().id() + " tenant=acme",
                        "admin:alice@example.com create_tenant tenant acme rateLimitPerMin=0 tokensPerMin=0",
                        "admin revoke_api_key api_key " + issued.apiKey().id() + " tenant=acme");
        assertThat(String.join("\n", rows))
                .doesNotContain(issued.secret())
                .doesNotContain(issued.apiKey().prefix())
                .doesNotContain(KeyDigest.sha256Hex(issued.secret()));
    }

    @Test
    void theStoredRowHoldsTheHashAndPrefixButNeverTheKey() {
        // given
        nodeA.tenants.createTenant(Actor.ADMIN, ACME, new RateLimit(50, 0), List.of());

        // when
        IssuedApiKey issued = nodeA.keys.issueKey(Actor.ADMIN, ACME, "Production Key");

        // then
        // (read by label through the ResultSet: H2 reports column names upper case, PostgreSQL lower case)
        var row = jdbc.sql("SELECT prefix, key_hash FROM api_key WHERE id = :id")
                .param("id", issued.apiKey().id())
                .query((rs, n) -> List.of(rs.getString("prefix"), rs.getString("key_hash")))
                .single();
        assertThat(row).containsExactly(issued.secret().substring(0, 8), KeyDigest.sha256Hex(issued.secret()));
        assertThat(nodeA.tenants.tenant(ACME).apiKeys())
                .extracting(ApiKey::prefix)
                .containsExactly(issued.secret().substring(0, 8));
    }

    private static Budget monthly(String limit) {
        return new Budget(
                UUID.randomUUID().toString(),
                "acme",
                BudgetPeriod.MONTHLY,
                new BigDecimal(limit),
                java.time.ZoneId.of("Europe/Berlin"));
    }

    private Instant lastUsedAt(IssuedApiKey issued) {
        return jdbc.sql("SELECT last_used_at FROM api_key WHERE id = :id")
                .param("id", issued.apiKey().id())
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .single()
                .map(OffsetDateTime::toInstant)
                .orElse(null);
    }

    /** What one collector node holds: its own directory, ledger, limiter and refresher over the shared stores. */
    private static final class Node {
        final InMemoryTenantDirectory directory;
        final SpendLedger ledger = new LockFreeSpendLedger();
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final RateLimiter limiter = new SlidingLogRateLimiter();
        final TenantDirectoryRefresher refresher;
        final TenantAdministration tenants;
        final ApiKeyAdministration keys;
        final BudgetAdministration budgets;

        Node(DataSource dataSource, SettableClock clock) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            TenantStore tenantStore = new JdbcTenantStore(jdbc);
            ApiKeyStore keyStore = new JdbcApiKeyStore(jdbc, new NamedParameterJdbcTemplate(dataSource));
            BudgetStore budgetStore = new JdbcBudgetStore(jdbc, meters);
            directory = new InMemoryTenantDirectory(clock);
            refresher = new TenantDirectoryRefresher(
                    tenantStore,
                    keyStore,
                    budgetStore,
                    directory,
                    new AdmissionFeed(ledger, limiter),
                    new DirectoryRefresh(Duration.ofHours(1)),
                    clock);
            ControlPlaneWrites writes = new ControlPlaneWrites(transaction, new JdbcAuditLog(jdbc), refresher, clock);
            tenants = new TenantAdministration(tenantStore, keyStore, budgetStore, writes);
            keys = new ApiKeyAdministration(tenantStore, keyStore, new ApiKeyMinter(), writes);
            budgets = new BudgetAdministration(tenantStore, budgetStore, ledger, writes, clock);
        }
    }
}
