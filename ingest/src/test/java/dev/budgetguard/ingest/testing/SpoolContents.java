package dev.budgetguard.ingest.testing;

import dev.budgetguard.schemas.spool.SpoolLayout;
import dev.budgetguard.schemas.usage.RecordKind;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageRecordCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads every complete line of a spool directory, open segments included, so that tests can wait for the records a
 * running collector writes asynchronously.
 */
public final class SpoolContents {

    private final Path dir;
    private final Set<String> ignored;

    public SpoolContents(Path dir) {
        this(dir, Set.of());
    }

    private SpoolContents(Path dir, Set<String> ignored) {
        this.dir = dir;
        this.ignored = ignored;
    }

    /** A view that leaves out every request already in the spool, for tests sharing one spool directory. */
    public SpoolContents fromNowOn() {
        Set<String> seen = new HashSet<>();
        records().forEach(r -> seen.add(r.requestId()));
        return new SpoolContents(dir, Set.copyOf(seen));
    }

    public List<UsageRecord> records() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<UsageRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(SpoolContents::isSegment).sorted().toList()) {
                readInto(file, records);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ignored.isEmpty()
                ? records
                : records.stream().filter(r -> !ignored.contains(r.requestId())).toList();
    }

    public List<UsageRecord> ofRequest(String requestId) {
        return records().stream().filter(r -> r.requestId().equals(requestId)).toList();
    }

    /** The first record matching, waiting up to {@code timeout} for the writer to put it on disk. */
    public UsageRecord await(Predicate<UsageRecord> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<UsageRecord> found = records().stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching spool record within " + timeout + " in " + records());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The record of {@code kind} for a request, waiting for it. */
    public UsageRecord await(String requestId, RecordKind kind) {
        return await(r -> r.requestId().equals(requestId) && r.kind() == kind, Duration.ofSeconds(5));
    }

    private static boolean isSegment(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SpoolLayout.SEALED_SUFFIX) || name.endsWith(SpoolLayout.OPEN_SUFFIX);
    }

    private static void readInto(Path file, List<UsageRecord> records) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException sealedMeanwhile) {
            return;
        }
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                records.add(UsageRecordCodec.decode(bytes, start, i + 1 - start));
                start = i + 1;
            }
        }
    }
}
