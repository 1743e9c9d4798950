package dev.budgetguard.ingest.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real PostgreSQL server per test class, from the binaries zonky ships in a Maven artifact, so the control plane
 * and the Batch repository are tested on the database production may run, not only on H2. Register it as a static
 * field with {@code @RegisterExtension}. The server is stopped when the class's extension context closes, which is
 * after every {@code afterAll} callback, so a Spring context dirtied by the class is closed while its database still
 * answers.
 */
public final class EmbeddedPostgresExtension implements BeforeAllCallback {

    private static final String USER = "postgres";

    private final AtomicInteger databases = new AtomicInteger();
    private EmbeddedPostgres server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        server = EmbeddedPostgres.builder().start();
        context.getStore(ExtensionContext.Namespace.create(EmbeddedPostgresExtension.class))
                .put(EmbeddedPostgres.class, server);
    }

    /** The JDBC URL of the server's default database, for a Spring context shared by the tests of one class. */
    public String jdbcUrl() {
        return started().getJdbcUrl(USER, USER);
    }

    /** The user the URL connects as; the server trusts local connections, so there is no password. */
    public String user() {
        return USER;
    }

    /** A new empty database on the server, for a test that wants a schema of its own as it would get from H2. */
    public DataSource newDatabase() {
        String name = "test_" + databases.incrementAndGet();
        try (Connection connection = started().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            // An identifier cannot be a bind parameter; the name is built here from a counter, never from input.
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database=" + name, e);
        }
        return started().getDatabase(USER, name);
    }

    private EmbeddedPostgres started() {
        if (server == null) {
            throw new IllegalStateException("EmbeddedPostgresExtension must be a static @RegisterExtension field");
        }
        return server;
    }
}
