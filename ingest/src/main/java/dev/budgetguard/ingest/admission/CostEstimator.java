package dev.budgetguard.ingest.admission;

import dev.budgetguard.schemas.pricing.ModelPrice;
import dev.budgetguard.schemas.pricing.PriceBook;
import dev.budgetguard.schemas.pricing.TokenRates;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request's worst-case cost before it is forwarded, from the price in force at the request's instant: the prompt's
 * token bound ({@link PromptTokens}) at the highest input-side rate the call could be billed at, plus the output bound
 * at the output rate.
 *
 * <ul>
 *   <li>Input-side rate: the largest of input, cache read and both cache-write rates (an Anthropic 1-hour cache write
 *       costs 2x input), so however the provider splits the prompt between them the estimate is not exceeded.
 *   <li>Long-context tier: when the prompt bound is above the tier's threshold every token is priced at the tier's
 *       rates, as the provider bills it.
 *   <li>Output bound: the request's own ({@code max_completion_tokens}, {@code max_tokens}, Anthropic {@code max_tokens},
 *       Gemini {@code maxOutputTokens}) over all its choices, else the model's maximum output from the price book
 *       (always present: a price version without one is refused at construction) for each choice asked for.
 *   <li>Input the collector cannot see (a stored response or prompt, a file by id or URL): the prompt bound is the
 *       configured unseen-input allowance, by default the largest context window of any model.
 *   <li>A model with no price in force has an estimate of $0 and no price version; admission refuses it for a
 *       tenant with an active budget (unless configured to allow it) and serves it otherwise, recorded as unpriced.
 * </ul>
 *
 * Allocation-light; tokenizing takes about 38 ns per character (JMH {@code CostEstimateBenchmark}) and is bounded by
 * {@code exactCountLimitChars}. {@link #tokenizerWork} tells a caller on an event loop when to count elsewhere.
 */
public final class CostEstimator {

    /**
     * Input tokens assumed for one image, audio clip or file part, on top of its bytes: above the largest per-image
     * charge the providers document (OpenAI high detail on patch-based models: 1,536 patches x 2.46 = 3,779; Anthropic
     * about 1,600; Gemini 258 per tile). A part referenced by id only (an uploaded file) cannot be bounded from the
     * request; this figure is then a best effort.
     */
    public static final int NON_TEXT_PART_TOKENS = 4_096;

    /**
     * Largest estimate made: what one spool record can carry (the lake's DECIMAL(18,12)). No provider accepts a
     * request that could cost this much, so capping the bound here never lets a real call past a cap.
     */
    static final BigDecimal MAX_ESTIMATE_USD = new BigDecimal("999999.999999999999");

    /** The largest context window of any model (Gemini and GPT-4.1: 1,048,576 tokens). */
    public static final long DEFAULT_UNSEEN_INPUT_TOKENS = 1_048_576;

    private final PriceBook prices;
    private final PromptTokens tokens;

    /** @param exactCountLimitChars largest prompt text (in chars) counted exactly; longer ones are byte-bounded */
    public CostEstimator(PriceBook prices, int exactCountLimitChars) {
        this(prices, exactCountLimitChars, DEFAULT_UNSEEN_INPUT_TOKENS);
    }

    /**
     * @param unseenInputTokens the prompt bound of a request with input the collector cannot see
     */
    public CostEstimator(PriceBook prices, int exactCountLimitChars, long unseenInputTokens) {
        this.prices = Objects.requireNonNull(prices, "prices");
        if (exactCountLimitChars < 0) {
            throw new IllegalArgumentException("exactCountLimitChars: must be >= 0, was " + exactCountLimitChars);
        }
        if (unseenInputTokens <= 0) {
            throw new IllegalArgumentException("unseenInputTokens: must be > 0, was " + unseenInputTokens);
        }
        this.tokens = new PromptTokens(exactCountLimitChars, unseenInputTokens);
    }

    /** Characters {@link #estimate} will tokenize for this prompt (0 when it is bounded by bytes alone). */
    public long tokenizerWork(String model, PromptSize prompt) {
        return tokens.tokenizerWork(model, prompt);
    }

    /** The estimate of a request asking for one choice. */
    public CostEstimate estimate(String model, Instant at, PromptSize prompt, Long maxOutputTokens) {
        return estimate(model, at, prompt, maxOutputTokens, 1);
    }

    /**
     * @param maxOutputTokens the request's own output bound over all its choices, or {@code null}
     * @param choices how many outputs the request asks for ({@code n}, {@code best_of}, {@code candidateCount}); each
     *     may use the model's whole maximum output when the request sets no bound
     */
    public CostEstimate estimate(String model, Instant at, PromptSize prompt, Long maxOutputTokens, long choices) {
        if (choices < 1) {
            throw new IllegalArgumentException("choices: must be >= 1, was " + choices);
        }
        long promptTokens = tokens.upperBound(model, prompt);
        Optional<ModelPrice> price = prices.priceAt(model, at);
        if (price.isEmpty()) {
            long output = maxOutputTokens == null ? 0 : maxOutputTokens;
            return new CostEstimate(BigDecimal.ZERO, promptTokens, output, null);
        }
        ModelPrice p = price.get();
        long output =
                maxOutputTokens != null ? maxOutputTokens : Math.multiplyExact((long) p.maxOutputTokens(), choices);
        TokenRates rates =
                p.longContext() != null && promptTokens > p.longContext().thresholdInputTokens()
                        ? p.longContext().rates()
                        : p.rates();
        BigDecimal perMillion = highestInputRate(rates)
                .multiply(BigDecimal.valueOf(promptTokens))
                .add(rates.outputPerMillion().multiply(BigDecimal.valueOf(output)));
        // Rates have at most 6 decimals, so moving the point 6 places keeps the amount exact within 12.
        BigDecimal amount = perMillion.movePointLeft(6).min(MAX_ESTIMATE_USD);
        return new CostEstimate(amount, promptTokens, output, p.version());
    }

    static BigDecimal highestInputRate(TokenRates rates) {
        return rates.inputPerMillion()
                .max(rates.cachedInputPerMillion())
                .max(rates.cacheWrite5mPerMillion())
                .max(rates.cacheWrite1hPerMillion());
    }
}
