package dev.budgetguard.schemas.spool;

import dev.budgetguard.schemas.usage.UsageRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** What a test spool directory holds, read the way the jobs read it. */
final class SpoolContents {

    private SpoolContents() {}

    /** Records of one sealed segment; any rejected line fails the test. */
    static List<UsageRecord> records(Path dir, SegmentId id) {
        List<UsageRecord> records = new ArrayList<>();
        SpoolSegmentReader.read(new SpoolLayout(dir).sealed(id), (r, line) -> records.add(r), rejected -> {
            throw new AssertionError("unexpected rejected line " + rejected);
        });
        return records;
    }

    /** Records of all sealed segments, in segment order. */
    static List<UsageRecord> records(Path dir) {
        List<UsageRecord> records = new ArrayList<>();
        for (SegmentId id : new SpoolLayout(dir).sealedSegments()) {
            records.addAll(records(dir, id));
        }
        return records;
    }

    static List<String> requestIds(Path dir) {
        return records(dir).stream().map(UsageRecord::requestId).toList();
    }

    static void awaitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(5);
        }
    }
}
