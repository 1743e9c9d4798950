package dev.budgetguard.schemas.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the collector's spool lives on disk, shared by the collector that writes it and the jobs that read it.
 *
 * <p>A segment is written as {@code <id>.ndjson.open} and renamed to {@code <id>.ndjson} when it is sealed; only sealed
 * segments are read by jobs, and a sealed segment never changes again. A torn last line found on recovery is moved to
 * {@code <id>.torn} beside it.
 */
public final class SpoolLayout {

    public static final String SEALED_SUFFIX = ".ndjson";
    public static final String OPEN_SUFFIX = ".ndjson.open";
    public static final String TORN_SUFFIX = ".torn";

    private final Path dir;

    public SpoolLayout(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path open(SegmentId id) {
        return dir.resolve(id + OPEN_SUFFIX);
    }

    public Path sealed(SegmentId id) {
        return dir.resolve(id + SEALED_SUFFIX);
    }

    public Path torn(SegmentId id) {
        return dir.resolve(id + TORN_SUFFIX);
    }

    /** Sealed segments in (node, sequence) order. */
    public List<SegmentId> sealedSegments() {
        return list(SEALED_SUFFIX);
    }

    /** Segments still open, which after a crash need recovery before anything else is written. */
    public List<SegmentId> openSegments() {
        return list(OPEN_SUFFIX);
    }

    /** Sealed or open segment of a node with the highest sequence. */
    public Optional<SegmentId> lastOf(String nodeId) {
        return Stream.concat(sealedSegments().stream(), openSegments().stream())
                .filter(id -> id.nodeId().equals(nodeId))
                .max(SegmentId::compareTo);
    }

    private List<SegmentId> list(String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name ->
                            name.endsWith(suffix) && !(suffix.equals(SEALED_SUFFIX) && name.endsWith(OPEN_SUFFIX)))
                    .map(name -> name.substring(0, name.length() - suffix.length()))
                    .flatMap(SpoolLayout::parseQuietly)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list spool directory " + dir, e);
        }
    }

    private static Stream<SegmentId> parseQuietly(String id) {
        try {
            return Stream.of(SegmentId.parse(id));
        } catch (IllegalArgumentException notOurs) {
            return Stream.empty();
        }
    }
}
