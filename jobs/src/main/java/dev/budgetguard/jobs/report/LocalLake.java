package dev.budgetguard.jobs.report;

import dev.budgetguard.jobs.cli.CommandException;
import dev.budgetguard.jobs.lake.LakeProperties;
import java.net.URI;
import java.nio.file.Path;

/** The lake as a local directory, which is what DuckDB reads; remote lakes are queried where they live. */
public final class LocalLake {

    private LocalLake() {}

    public static Path of(LakeProperties lake) {
        String uri = lake.uri();
        if (uri.startsWith("file:")) {
            return Path.of(URI.create(uri)).toAbsolutePath();
        }
        if (uri.contains("://")) {
            throw new CommandException("reports read a local lake; budgetguard.lake.uri is " + uri
                    + " (query it with DuckDB's httpfs or hdfs extensions instead)");
        }
        return Path.of(uri).toAbsolutePath().normalize();
    }
}
