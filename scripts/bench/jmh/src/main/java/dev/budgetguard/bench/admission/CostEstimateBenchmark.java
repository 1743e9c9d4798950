package dev.budgetguard.bench.admission;

import dev.budgetguard.ingest.admission.CostEstimate;
import dev.budgetguard.ingest.admission.CostEstimator;
import dev.budgetguard.ingest.admission.PromptSize;
import dev.budgetguard.schemas.pricing.BundledPrices;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The worst-case cost estimate made on the event loop for every request: an OpenAI prompt of {@code promptChars}
 * characters counted exactly with o200k_base (the bench's chat body is about 300; the default limit of counting on the
 * event loop is 4,096, past it a worker counts), and the byte bound used for other providers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CostEstimateBenchmark {

    @Param({"300", "4000", "60000"})
    int promptChars;

    private final Instant at = Instant.parse("2026-08-20T12:00:00Z");
    private CostEstimator estimator;
    private PromptSize prompt;
    private PromptSize bytes;

    @Setup
    public void load() {
        // A limit above every size measured, so each one is counted exactly.
        estimator = new CostEstimator(BundledPrices.priceBook(), 1 << 20);
        String sentence = "Summarize the attached contract, listing every party's obligations and deadlines. ";
        StringBuilder text = new StringBuilder();
        while (text.length() < promptChars) {
            text.append(sentence);
        }
        text.setLength(promptChars);
        prompt = new PromptSize(List.of("system", "You are a helpful assistant.", "user", text.toString()), 2, 0, 0, 0);
        bytes = PromptSize.ofBytes(promptChars + 100L, 0);
    }

    @Benchmark
    public CostEstimate openAiExactCount() {
        return estimator.estimate("gpt-4o", at, prompt, 256L);
    }

    @Benchmark
    public CostEstimate byteBound() {
        return estimator.estimate("claude-sonnet-4-5", at, bytes, 256L);
    }
}
