package dev.budgetguard.jobs.rollup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads the lake back the way analysts will: DuckDB over the Hive-partitioned Parquet files. */
final class LakeReader {

    private LakeReader() {}

    static String usage(Path lake) {
        return "read_parquet('" + lake + "/usage/*/*.parquet', hive_partitioning=true)";
    }

    /** Every usage row as column name to value, ordered by request id. */
    static List<Map<String, Object>> rows(Path lake) {
        return query("SELECT * FROM " + usage(lake) + " ORDER BY request_id");
    }

    static List<Map<String, Object>> query(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Every file under the lake by relative path, with its SHA-256. */
    static Map<String, String> fileHashes(Path lake) {
        if (!Files.isDirectory(lake)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.walk(lake)) {
            Map<String, String> hashes = new TreeMap<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                hashes.put(lake.relativize(file).toString(), HexFormat.of().formatHex(digest));
            }
            return hashes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
