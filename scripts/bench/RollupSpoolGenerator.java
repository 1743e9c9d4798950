import dev.budgetguard.schemas.pricing.BundledPrices;
import dev.budgetguard.schemas.pricing.PriceBook;
import dev.budgetguard.schemas.spool.FsyncPolicy;
import dev.budgetguard.schemas.spool.SegmentedFileUsageLog;
import dev.budgetguard.schemas.spool.SpoolSettings;
import dev.budgetguard.schemas.usage.Cost;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Writes a realistic spool for the rollup benchmark through the collector's own {@code SegmentedFileUsageLog} (fsync
 * never): admissions at arrival and completions when their request ends, priced with the bundled price book, like the
 * collector. Deterministic for a given seed.
 *
 * <pre>java -cp CLASSPATH RollupSpoolGenerator.java SPOOL_DIR [REQUESTS=1000000] [DAYS=3] [SEGMENT_MIB=64]</pre>
 *
 * Mix: 0.5% refusals (one line), 0.1% admissions that never complete (one line, an incomplete row), the rest admission
 * plus completion (ok 95.5%, upstream_error 2%, client_aborted 2%, usage_missing 0.5%); 0.3% of calls use a model with
 * no price (unpriced). Traffic is diurnal over DAYS days starting 2026-11-01T00:00Z, so every record is long past the
 * completion horizon and no segment is deferred.
 */
public class RollupSpoolGenerator {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final String[] MODELS = {
        "gpt-4o-mini", "gpt-4o-2024-08-06", "gpt-4.1", "gpt-4.1-mini", "o4-mini", "gpt-5", "gpt-5-mini", "o3",
        "claude-sonnet-4-5", "gemini-2.5-flash"
    };
    private static final double[] MODEL_WEIGHTS = {30, 14, 8, 12, 6, 7, 10, 3, 6, 4};
    private static final String[] WORDS = {
        "acme", "borealis", "cobalt", "delta", "ember", "fjord", "granite", "harbor", "indigo", "juniper", "kestrel",
        "lumen", "meridian", "nimbus", "orchid", "pioneer", "quartz", "riverbend", "summit", "tundra"
    };
    private static final String[] SUFFIXES = {"health", "labs", "retail", "bank", "media", "ai"};

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long requests = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long segmentBytes = (args.length > 3 ? Long.parseLong(args[3]) : 64) << 20;
        SpoolSettings settings = new SpoolSettings(
                dir, "node1", segmentBytes, Duration.ofDays(365), FsyncPolicy.NEVER, Duration.ofMillis(5), 65_536);
        long t0 = System.nanoTime();
        long lines;
        try (SegmentedFileUsageLog log = SegmentedFileUsageLog.open(settings, Clock.systemUTC())) {
            lines = new RollupSpoolGenerator(BundledPrices.priceBook(), 42).write(log, requests, days);
        }
        System.out.printf(
                "generated requests=%d lines=%d dir=%s seconds=%.1f%n", requests, lines, dir, (System.nanoTime() - t0) / 1e9);
    }

    private final PriceBook prices;
    private final SplittableRandom random;
    private final String[] tenants = new String[60];
    private final double[] tenantWeights = new double[60];

    RollupSpoolGenerator(PriceBook prices, long seed) {
        this.prices = prices;
        this.random = new SplittableRandom(seed);
        for (int i = 0; i < tenants.length; i++) {
            tenants[i] = WORDS[i % WORDS.length] + "-" + SUFFIXES[(i / WORDS.length + i) % SUFFIXES.length];
            tenantWeights[i] = 1.0 / Math.pow(i + 1, 1.1);
        }
    }

    long write(SegmentedFileUsageLog log, long requests, int days) {
        PriorityQueue<UsageRecord> ending = new PriorityQueue<>(Comparator.comparing(UsageRecord::completedAt));
        List<CompletableFuture<Void>> window = new ArrayList<>();
        long lines = 0;
        double spanMicros = days * 86_400e6;
        double meanGapMicros = spanMicros / requests;
        double at = 0;
        for (long i = 0; i < requests; i++) {
            at += gap(at, meanGapMicros);
            Instant arrival = START.plusNanos((long) at * 1000);
            while (!ending.isEmpty() && !ending.peek().completedAt().isAfter(arrival)) {
                lines += append(log, ending.poll(), window);
            }
            for (UsageRecord record : request(arrival)) {
                if (record.completedAt() != null && record.status() != UsageStatus.REJECTED) {
                    ending.add(record);
                } else {
                    lines += append(log, record, window);
                }
            }
        }
        while (!ending.isEmpty()) {
            lines += append(log, ending.poll(), window);
        }
        CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
        return lines;
    }

    /** Diurnal: three times the night rate at the afternoon peak. */
    private double gap(double atMicros, double meanGapMicros) {
        double hour = (atMicros / 3600e6) % 24;
        double rate = 1 + 0.5 * Math.sin((hour - 9) / 24 * 2 * Math.PI);
        return -Math.log(1 - random.nextDouble()) * meanGapMicros / rate;
    }

    private List<UsageRecord> request(Instant at) {
        String tenant = tenants[pick(tenantWeights)];
        String model = random.nextDouble() < 0.003 ? "ft:gpt-4o-mini:" + tenant + ":support" : MODELS[pick(MODEL_WEIGHTS)];
        boolean stream = random.nextDouble() < 0.35;
        String provider = model.startsWith("claude") ? "anthropic" : model.startsWith("gemini") ? "google" : "openai";
        String id = requestId(at.toEpochMilli());
        double kind = random.nextDouble();
        if (kind < 0.005) {
            return List.of(UsageRecord.refusal(
                    id, tenant, provider, "/v1/chat/completions", model, stream, at, 401, "invalid_api_key"));
        }
        UsageRecord admission = UsageRecord.admission(id, tenant, provider, "/v1/chat/completions", model, stream, at);
        if (kind < 0.006) {
            return List.of(admission);
        }
        return List.of(admission, completion(admission));
    }

    private UsageRecord completion(UsageRecord admission) {
        double outcome = random.nextDouble();
        long latencyMicros = (long) (Math.exp(13.5 + random.nextDouble() * 3) % 120e6) + 150_000;
        Instant end = admission.createdAt().plusNanos(latencyMicros * 1000);
        if (outcome < 0.02) {
            return admission.complete(end, UsageStatus.UPSTREAM_ERROR, 502, TokenUsage.ZERO, Cost.NONE, latencyMicros,
                    "upstream_unavailable");
        }
        long input = (long) Math.exp(4 + random.nextDouble() * 5.5);
        long cached = random.nextDouble() < 0.3 ? (input / 1024) * 1024 : 0;
        long output = (long) Math.exp(2 + random.nextDouble() * 5.5);
        boolean reasoning = admission.model().startsWith("o") || admission.model().startsWith("gpt-5");
        long reasoningTokens = reasoning ? output * random.nextInt(20, 80) / 100 : 0;
        UsageStatus status = UsageStatus.OK;
        String error = null;
        if (outcome < 0.04 && admission.stream()) {
            status = UsageStatus.CLIENT_ABORTED;
            output = output / 3;
            reasoningTokens = Math.min(reasoningTokens, output);
            error = "client_disconnected";
        } else if (outcome < 0.045) {
            status = UsageStatus.USAGE_MISSING;
        }
        TokenUsage usage = new TokenUsage(input, cached, 0, 0, output, reasoningTokens);
        Cost cost = prices.cost(admission.model(), admission.createdAt(), usage);
        return admission.complete(end, status, 200, usage, cost, latencyMicros, error);
    }

    /** UUIDv7, as the collector mints them. */
    private String requestId(long epochMillis) {
        long msb = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Bounded in-flight appends: the log refuses lines past its queue capacity. */
    private static int append(SegmentedFileUsageLog log, UsageRecord record, List<CompletableFuture<Void>> window) {
        window.add(log.append(record));
        if (window.size() == 32_768) {
            CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).join();
            window.clear();
        }
        return 1;
    }
}
