package dev.budgetguard.jobs.demo;

import dev.budgetguard.schemas.pricing.PriceBook;
import dev.budgetguard.schemas.spool.UsageLog;
import dev.budgetguard.schemas.usage.Cost;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * Turns sample requests into the spool records the collector would have written, in the order it would have written
 * them: admissions and refusals at arrival, each completion when its request ended. Pricing is the price book's,
 * exactly as on the collector; upstream errors cost nothing.
 */
final class SampleReplay {

    private static final String PROVIDER = "openai";

    private final PriceBook prices;
    private final Duration shift;

    /** @param shift added to every sample timestamp (zero keeps the recorded times) */
    SampleReplay(PriceBook prices, Duration shift) {
        this.prices = prices;
        this.shift = shift;
    }

    /** Appends every record and waits until the log has written them all; returns the number of records. */
    long replay(List<SampleLine> lines, UsageLog log) {
        PriorityQueue<UsageRecord> ending = new PriorityQueue<>(Comparator.comparing(UsageRecord::completedAt));
        List<CompletableFuture<Void>> writes = new ArrayList<>(lines.size() * 2);
        for (SampleLine line : lines) {
            Instant at = line.ts().plus(shift);
            while (!ending.isEmpty() && !ending.peek().completedAt().isAfter(at)) {
                writes.add(log.append(ending.poll()));
            }
            if (line.outcome() == UsageStatus.REJECTED) {
                writes.add(log.append(refusal(line, at)));
                continue;
            }
            UsageRecord admission = UsageRecord.admission(
                    line.requestId(), line.tenant(), PROVIDER, line.route(), line.model(), line.stream(), at);
            writes.add(log.append(admission));
            if (line.outcome() != UsageStatus.INCOMPLETE) {
                ending.add(completion(line, admission));
            }
        }
        while (!ending.isEmpty()) {
            writes.add(log.append(ending.poll()));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        return writes.size();
    }

    private UsageRecord completion(SampleLine line, UsageRecord admission) {
        Instant end = admission.createdAt().plus(line.latency());
        TokenUsage usage = line.usage();
        Cost cost = line.outcome() == UsageStatus.UPSTREAM_ERROR
                ? Cost.NONE
                : prices.cost(line.model(), admission.createdAt(), usage);
        return admission.complete(
                end,
                line.outcome(),
                line.httpStatus(),
                usage,
                cost,
                line.latency().toNanos() / 1000,
                line.errorCode());
    }

    private static UsageRecord refusal(SampleLine line, Instant at) {
        return UsageRecord.refusal(
                line.requestId(),
                line.tenant(),
                PROVIDER,
                line.route(),
                line.model(),
                line.stream(),
                at,
                line.httpStatus(),
                line.errorCode());
    }
}
