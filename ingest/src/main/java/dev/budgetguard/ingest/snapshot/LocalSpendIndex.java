package dev.budgetguard.ingest.snapshot;

import dev.budgetguard.schemas.budget.BudgetWindow;
import dev.budgetguard.schemas.budget.CapSpend;
import dev.budgetguard.schemas.spool.AppendListener;
import dev.budgetguard.schemas.spool.SegmentId;
import dev.budgetguard.schemas.usage.RecordKind;
import dev.budgetguard.schemas.usage.UsageRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * This node's cap spend per (segment, tenant, 15-minute UTC bucket of the admission time), for the segments no snapshot
 * covers yet. Every local midnight of every zone falls on a 15-minute UTC boundary, so any budget window's spend is a
 * sum of whole buckets. Completions are added from the spool's writer thread as they land; segments a snapshot covers
 * are summed once and dropped.
 */
final class LocalSpendIndex implements AppendListener {

    static final long BUCKET_SECONDS = 15 * 60;

    /** sequence -> tenant -> bucket start (epoch seconds) -> spend. */
    private final ConcurrentSkipListMap<Long, Map<String, ConcurrentNavigableMap<Long, BigDecimal>>> segments =
            new ConcurrentSkipListMap<>();

    /** Live completions count as they are written; admissions are reservations until a restart finds them orphaned. */
    @Override
    public void appended(UsageRecord record, SegmentId segment) {
        if (record.kind() == RecordKind.COMPLETION) {
            add(segment, record.tenantId(), CapSpend.countedAt(record), CapSpend.of(record));
        }
    }

    void add(SegmentId segment, String tenantId, Instant createdAt, BigDecimal amountUsd) {
        if (amountUsd.signum() == 0) {
            return;
        }
        segments.computeIfAbsent(segment.sequence(), s -> new ConcurrentHashMap<>())
                .computeIfAbsent(tenantId, t -> new ConcurrentSkipListMap<>())
                .merge(bucketOf(createdAt), amountUsd, BigDecimal::add);
    }

    /** The tenant's spend in {@code window} over every segment still held. */
    BigDecimal sum(String tenantId, BudgetWindow window) {
        return sum(segments, tenantId, window);
    }

    /** The tenant's spend in {@code window} over the held segments with a sequence up to {@code lastSequence}. */
    BigDecimal sumThrough(long lastSequence, String tenantId, BudgetWindow window) {
        return sum(segments.headMap(lastSequence, true), tenantId, window);
    }

    /** Forgets the segments up to {@code lastSequence}: a snapshot covers them now. */
    int dropThrough(long lastSequence) {
        Map<Long, ?> covered = segments.headMap(lastSequence, true);
        int dropped = covered.size();
        covered.clear();
        return dropped;
    }

    int segmentCount() {
        return segments.size();
    }

    private static BigDecimal sum(
            Map<Long, Map<String, ConcurrentNavigableMap<Long, BigDecimal>>> held,
            String tenantId,
            BudgetWindow window) {
        long from = window.start().getEpochSecond();
        long to = window.end().getEpochSecond();
        BigDecimal total = BigDecimal.ZERO;
        for (Map<String, ConcurrentNavigableMap<Long, BigDecimal>> tenants : held.values()) {
            ConcurrentNavigableMap<Long, BigDecimal> buckets = tenants.get(tenantId);
            if (buckets != null) {
                for (BigDecimal amount : buckets.subMap(from, true, to, false).values()) {
                    total = total.add(amount);
                }
            }
        }
        return total;
    }

    private static long bucketOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), BUCKET_SECONDS) * BUCKET_SECONDS;
    }
}
