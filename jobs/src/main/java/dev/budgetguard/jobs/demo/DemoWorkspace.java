package dev.budgetguard.jobs.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The demo's own corner of the data directory ({@code data/demo}, see {@code application-demo.properties}). It is
 * emptied before every demo run, before the application opens its database, so a second demo gives the same lake as
 * the first instead of adding to it. Nothing outside it is touched.
 */
public final class DemoWorkspace {

    public static final String PROFILE = "demo";
    static final Path DIR = Path.of("data", "demo");
    private static final Set<String> OURS = Set.of("spool", "lake", "h2");

    private DemoWorkspace() {}

    /** Empties the demo directory when the command line asks for the demo; returns whether it did. */
    public static boolean prepareFor(String[] args) {
        int first = 0;
        while (first < args.length && args[first].startsWith("--") && args[first].contains("=")) {
            first++; // Spring Boot settings before the command
        }
        if (first == args.length || !"demo".equals(args[first])) {
            return false;
        }
        reset(DIR);
        return true;
    }

    static void reset(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> foreign = children.filter(
                            p -> !OURS.contains(p.getFileName().toString()))
                    .toList();
            if (!foreign.isEmpty()) {
                throw new IllegalStateException(dir.toAbsolutePath() + " holds files the demo did not make ("
                        + foreign.get(0).getFileName() + "); move them away and run the demo again");
            }
            for (String child : OURS) {
                delete(dir.resolve(child));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dir.toAbsolutePath(), e);
        }
    }

    private static void delete(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
