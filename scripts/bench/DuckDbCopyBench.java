import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The rollup benchmark's yardstick: DuckDB's own NDJSON-to-Parquet copy of the same spool files, timed inside one JVM
 * after the driver is loaded, so only the COPY itself is counted.
 *
 * <pre>java -cp DUCKDB_JDBC_JAR DuckDbCopyBench.java SPOOL_DIR OUT_DIR [THREADS=1] [ROUNDS=3]</pre>
 *
 * Prints one line per round: {@code duckdb round=N threads=T rows=R millis=M}, where rows is what COPY reports (one
 * per NDJSON line).
 */
public class DuckDbCopyBench {

    public static void main(String[] args) throws Exception {
        Path spool = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Files.createDirectories(out);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = db.createStatement()) {
            sql.execute("SET threads=" + threads);
            sql.execute("SET preserve_insertion_order=true");
            for (int round = 1; round <= rounds; round++) {
                Path target = out.resolve("duckdb-" + round + ".parquet");
                Files.deleteIfExists(target);
                String copy = "COPY (SELECT * FROM read_json('" + spool.resolve("*.ndjson") + "')) TO '" + target
                        + "' (FORMAT parquet, COMPRESSION zstd)";
                long t0 = System.nanoTime();
                long rows = sql.executeLargeUpdate(copy);
                long millis = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("duckdb round=%d threads=%d rows=%d millis=%d bytes=%d%n",
                        round, threads, rows, millis, Files.size(target));
                Files.delete(target);
            }
        }
    }
}
