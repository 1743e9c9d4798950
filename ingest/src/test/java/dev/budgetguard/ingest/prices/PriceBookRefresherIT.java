package dev.budgetguard.ingest.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.budgetguard.ingest.audit.Actor;
import dev.budgetguard.ingest.audit.JdbcAuditLog;
import dev.budgetguard.schemas.pricing.BundledPrices;
import dev.budgetguard.schemas.pricing.ModelPrice;
import dev.budgetguard.schemas.pricing.TokenRates;
import dev.budgetguard.schemas.usage.TokenUsage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two collector nodes over one price table: seeded once, a change on one reaches the other on its next poll. */
class PriceBookRefresherIT {

    private static final Instant NOW = Instant.parse("2026-12-03T10:15:30Z");
    private static final Instant LATER = Instant.parse("2027-02-01T00:00:00Z");

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
        nodeA.refresher.start();
        nodeB.refresher.start();
    }

    /** An empty database for one test; H2 here, overridden to run the same tests on PostgreSQL. */
    DataSource newDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("budgetguard") + ";AUTO_SERVER=TRUE");
        dataSource.setUser("sa");
        return dataSource;
    }

    @AfterEach
    void stop() {
        nodeA.refresher.stop();
        nodeB.refresher.stop();
    }

    @Test
    void anEmptyTableIsSeededOnceFromTheBundledPrices() {
        // when both nodes started on an empty table (in setup)

        // then it holds the bundled table exactly once, and it reads back as written
        long rows = jdbc.sql("SELECT COUNT(*) FROM model_price WHERE source = 'bundled'")
                .query(Long.class)
                .single();
        assertThat(rows).isEqualTo(BundledPrices.load().size());
        ModelPrice sonnet = nodeB.administration.inForceAt(NOW).stream()
                .filter(price -> price.model().equals("claude-sonnet-4-5"))
                .findFirst()
                .orElseThrow();
        assertThat(sonnet.sameTermsAs(BundledPrices.priceBook()
                        .priceAt("claude-sonnet-4-5", NOW)
                        .orElseThrow()))
                .isTrue();
        assertThat(nodeB.book
                        .cost("o3", Instant.parse("2025-06-09T12:00:00Z"), TokenUsage.of(1_000_000, 0))
                        .amountUsd())
                .isEqualByComparingTo("10");
    }

    @Test
    void aChangeOnOneNodeAppliesThereAtOnceAndOnTheOtherAfterItsPoll() {
        // when
        nodeA.administration.change(Actor.ADMIN, change("gpt-4o", "2027-01-01", "2.00"));

        // then
        assertThat(nodeA.book.cost("gpt-4o", LATER, TokenUsage.of(1_000_000, 0)).priceVersion())
                .isEqualTo("gpt-4o@2027-01-01");
        assertThat(nodeB.book.cost("gpt-4o", LATER, TokenUsage.of(1_000_000, 0)).priceVersion())
                .isEqualTo("gpt-4o@2024-05-13");
        nodeB.refresher.poll();
        assertThat(nodeB.book.cost("gpt-4o", LATER, TokenUsage.of(1_000_000, 0)).amountUsd())
                .isEqualByComparingTo("2");
        assertThat(nodeB.book.cost("gpt-4o", NOW, TokenUsage.of(1_000_000, 0)).amountUsd())
                .isEqualByComparingTo("2.5");
    }

    @Test
    void aNewVersionClosesThePreviousOneAndNeverRewritesIt() {
        // when
        nodeA.administration.change(Actor.ADMIN, change("gpt-4.1", "2027-01-01", "1.50"));

        // then the old row is untouched but for its end, and a start on or before the latest version is refused
        var rows = jdbc.sql("SELECT effective_from, effective_to, input_per_million FROM model_price"
                        + " WHERE model = 'gpt-4.1' ORDER BY effective_from")
                .query((rs, row) -> rs.getObject(1, LocalDate.class) + ".." + rs.getObject(2, LocalDate.class) + " "
                        + rs.getBigDecimal(3).stripTrailingZeros().toPlainString())
                .list();
        assertThat(rows).containsExactly("2025-04-14..2027-01-01 2", "2027-01-01..null 1.5");
        assertThatThrownBy(() -> nodeA.administration.change(Actor.ADMIN, change("gpt-4.1", "2027-01-01", "1.40")))
                .isInstanceOf(PriceHistoryRewriteException.class)
                .hasMessageContaining("History is never rewritten");
        assertThatThrownBy(() -> nodeA.administration.change(Actor.ADMIN, change("gpt-4.1", "2026-06-01", "1.40")))
                .isInstanceOf(PriceHistoryRewriteException.class);
        // and only the change that happened is in the audit log, in the same transaction as the price row
        var audited = jdbc.sql("SELECT actor, action, target_type, target_id, detail FROM audit_log")
                .query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getString(4) + " " + rs.getString(5))
                .list();
        assertThat(audited)
                .containsExactly("admin set_price price gpt-4.1 version=gpt-4.1@2027-01-01 effectiveFrom=2027-01-01");
    }

    @Test
    void aFirstVersionNeedsItsProvider() {
        // when / then
        assertThatThrownBy(() -> nodeA.administration.change(
                        Actor.ADMIN,
                        new PriceChange(
                                "brand-new",
                                LocalDate.parse("2027-01-01"),
                                null,
                                TokenRates.of(BigDecimal.ONE, BigDecimal.TEN),
                                1000L,
                                null,
                                null,
                                "test")))
                .isInstanceOf(InvalidPriceChangeException.class)
                .extracting(e -> ((InvalidPriceChangeException) e).field())
                .isEqualTo("provider");
    }

    private static PriceChange change(String model, String from, String input) {
        return new PriceChange(
                model,
                LocalDate.parse(from),
                null,
                TokenRates.of(new BigDecimal(input), new BigDecimal("8")),
                null,
                null,
                new BigDecimal("0.5"),
                "test");
    }

    /** What one collector node holds: its own snapshot and refresher over the shared store. */
    private static final class Node {
        final PriceBookSnapshot book = new PriceBookSnapshot();
        final PriceBookRefresher refresher;
        final PriceAdministration administration;

        Node(DataSource dataSource) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            PriceStore store = new JdbcPriceStore(
                    JdbcClient.create(dataSource),
                    new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
            refresher = new PriceBookRefresher(store, book, Duration.ofHours(1), clock);
            administration = new PriceAdministration(
                    store,
                    refresher,
                    new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                    new JdbcAuditLog(JdbcClient.create(dataSource)),
                    clock);
        }
    }
}
