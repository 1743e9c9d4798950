package dev.budgetguard.reports.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lake seen through an in-memory DuckDB session with {@code views.sql} applied, exactly as an analyst's CLI session
 * would be after {@code SET VARIABLE lake = '<root>'; .read reports/sql/views.sql}.
 *
 * <p>Holds one JDBC connection: one caller at a time, and close it when done. The views read the Parquet files at query
 * time, so a lake the rollup writes to meanwhile is seen as of each query.
 */
public final class DuckDbLake implements LakeQueries, AutoCloseable {

    static final String VIEWS_RESOURCE = "/dev/budgetguard/reports/sql/views.sql";

    private static final Logger log = LoggerFactory.getLogger(DuckDbLake.class);

    private final Path root;
    private final Connection connection;

    private DuckDbLake(Path root, Connection connection) {
        this.root = root;
        this.connection = connection;
    }

    /**
     * Opens a session over the lake at {@code root}. A lake without files yet (or a directory that does not exist)
     * opens fine and shows empty views; {@link #usageFileCount()} tells the two apart from a period without usage.
     */
    public static DuckDbLake open(Path root) {
        Path lake = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        String views = viewsSql();
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TimeZone = 'UTC'");
            }
            try (PreparedStatement setLake = connection.prepareStatement("SET VARIABLE lake = ?")) {
                setLake.setString(1, lake.toString());
                setLake.execute();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(views);
            }
            DuckDbLake opened = new DuckDbLake(lake, connection);
            log.debug("lake opened root={} usageFiles={}", lake, opened.usageFileCount());
            return opened;
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw new LakeQueryException(lake, "cannot define the views of " + VIEWS_RESOURCE, e);
        }
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public long usageFileCount() {
        return select("SELECT lake_usage_files()", row -> row.getLong(1)).get(0);
    }

    @Override
    public <T> List<T> select(String sql, RowMapper<T> rows, Object... params) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, bindable(params[i]));
            }
            List<T> result = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    result.add(rows.map(row));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new LakeQueryException(root, "query failed: " + firstLine(sql), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new LakeQueryException(root, "cannot close the DuckDB session", e);
        }
    }

    static String viewsSql() {
        try (InputStream in = DuckDbLake.class.getResourceAsStream(VIEWS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + VIEWS_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DuckDB binds {@link OffsetDateTime} as TIMESTAMPTZ; a bare {@link Instant} it does not know. */
    private static Object bindable(Object param) {
        return param instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : param;
    }

    private static String firstLine(String sql) {
        String trimmed = sql.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end) + " ...";
    }

    private static void closeQuietly(Connection connection, SQLException failure) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
