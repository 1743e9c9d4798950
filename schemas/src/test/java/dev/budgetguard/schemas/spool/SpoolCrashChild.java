package dev.budgetguard.schemas.spool;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Run in a child JVM by {@link SpoolRecoveryIT}: appends forever under {@link FsyncPolicy#ALWAYS} and prints
 * {@code ack <id> end} for every append whose future completed, until the test kills it.
 */
final class SpoolCrashChild {

    private SpoolCrashChild() {}

    public static void main(String[] args) throws Exception {
        // Small segments so that the kill finds several sealed ones and one open.
        SpoolSettings settings = new SpoolSettings(
                Path.of(args[0]),
                "node1",
                128 * 1024,
                Duration.ofMinutes(5),
                FsyncPolicy.ALWAYS,
                Duration.ofMillis(5),
                4096);
        PrintStream out = new PrintStream(System.out, true);
        SegmentedFileUsageLog log = SegmentedFileUsageLog.open(settings, Clock.systemUTC());
        for (long i = 0; ; i++) {
            String id = "crash-" + i;
            log.append(SampleRecords.completion(id)).whenComplete((ok, failed) -> {
                if (failed == null) {
                    out.println("ack " + id + " end");
                }
            });
            if (log.counters().queueDepth() > 2048) {
                Thread.sleep(1);
            }
        }
    }
}
