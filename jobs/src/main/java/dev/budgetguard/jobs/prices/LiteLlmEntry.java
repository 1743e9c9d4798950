package dev.budgetguard.jobs.prices;

import dev.budgetguard.schemas.pricing.LongContextTier;
import dev.budgetguard.schemas.pricing.ModelPrice;
import dev.budgetguard.schemas.pricing.TokenRates;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One in-scope entry of LiteLLM's price map read as a {@link ModelPrice}. Per-token USD becomes per 1M by moving the
 * decimal point of the number exactly as the JSON wrote it. Where the file leaves out an Anthropic modifier the
 * provider documents (cache write 5m = 1.25x input, 1h = 2x, batch = half), it is derived rather than defaulted to
 * the input rate, which would under-price the write.
 */
final class LiteLlmEntry {

    static final Set<String> PRICED_FIELDS = Set.of(
            "litellm_provider",
            "mode",
            "input_cost_per_token",
            "output_cost_per_token",
            "cache_read_input_token_cost",
            "cache_creation_input_token_cost",
            "cache_creation_input_token_cost_above_1hr",
            "input_cost_per_token_batches",
            "output_cost_per_token_batches",
            "max_output_tokens",
            "max_tokens");

    // input_cost_per_token_above_200k_tokens, cache_read_input_token_cost_above_200k_tokens, ...
    private static final Pattern TIER_FIELD = Pattern.compile(
            "(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost)"
                    + "_above_(\\d+)k_tokens");
    private static final BigDecimal WRITE_5M = new BigDecimal("1.25");
    private static final BigDecimal WRITE_1H = new BigDecimal("2");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final String key;
    private final JsonNode node;
    private final String provider;
    private final Map<String, Integer> derived;

    /**
     * @param provider BudgetGuard's provider id for the entry's {@code litellm_provider}
     * @param derived counts, per field, of values derived from documented modifiers; added to as entries are read
     */
    LiteLlmEntry(String key, JsonNode node, String provider, Map<String, Integer> derived) {
        this.key = key;
        this.node = node;
        this.provider = provider;
        this.derived = derived;
    }

    static boolean isTierField(String field) {
        return TIER_FIELD.matcher(field).matches();
    }

    /** The model id without LiteLLM's {@code provider/} prefix, lower-cased. */
    static String modelId(String key) {
        String id = key.toLowerCase(Locale.ROOT);
        int slash = id.indexOf('/');
        return slash >= 0 ? id.substring(slash + 1) : id;
    }

    /** @throws MalformedEntryException naming the field and what is wrong with it */
    ModelPrice price(String model, LocalDate effectiveFrom) {
        BigDecimal input = perMillion("input_cost_per_token", true);
        BigDecimal output = perMillion("output_cost_per_token", true);
        TokenRates rates = new TokenRates(
                input,
                perMillion("cache_read_input_token_cost", false),
                cacheWrite("cache_creation_input_token_cost", input, WRITE_5M),
                cacheWrite("cache_creation_input_token_cost_above_1hr", input, WRITE_1H),
                output);
        try {
            return new ModelPrice(
                    model,
                    provider,
                    effectiveFrom,
                    null,
                    rates,
                    maxOutputTokens(),
                    tier(),
                    batchDiscount(input, output));
        } catch (IllegalArgumentException e) {
            throw new MalformedEntryException(e.getMessage());
        }
    }

    private BigDecimal cacheWrite(String field, BigDecimal input, BigDecimal anthropicMultiplier) {
        BigDecimal rate = perMillion(field, false);
        if (rate == null && provider.equals("anthropic")) {
            derived.merge(field, 1, Integer::sum);
            return input.multiply(anthropicMultiplier);
        }
        return rate;
    }

    private long maxOutputTokens() {
        for (String field : new String[] {"max_output_tokens", "max_tokens"}) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull()) {
                if (!value.canConvertToExactIntegral() || value.asLong() <= 0) {
                    throw new MalformedEntryException(field + " must be a positive whole number, was " + value);
                }
                return value.asLong();
            }
        }
        throw new MalformedEntryException("max_output_tokens is missing (and so is max_tokens)");
    }

    private LongContextTier tier() {
        Map<String, BigDecimal> byField = new TreeMap<>();
        Long threshold = null;
        for (String field : node.propertyNames()) {
            Matcher m = TIER_FIELD.matcher(field);
            if (!m.matches()) {
                continue;
            }
            long tokens = Long.parseLong(m.group(2)) * 1000;
            if (threshold != null && threshold != tokens) {
                throw new MalformedEntryException("more than one long-context threshold (" + threshold + " and "
                        + tokens + " tokens); one tier is supported");
            }
            threshold = tokens;
            byField.put(m.group(1), perMillion(field, true));
        }
        if (threshold == null) {
            return null;
        }
        BigDecimal input = byField.get("input_cost_per_token");
        BigDecimal output = byField.get("output_cost_per_token");
        if (input == null || output == null) {
            throw new MalformedEntryException("a long-context tier above " + threshold
                    + " tokens needs both input_cost_per_token_above_… and output_cost_per_token_above_…");
        }
        BigDecimal write = byField.get("cache_creation_input_token_cost");
        boolean anthropic = provider.equals("anthropic");
        return new LongContextTier(
                threshold,
                new TokenRates(
                        input,
                        byField.get("cache_read_input_token_cost"),
                        write == null && anthropic ? input.multiply(WRITE_5M) : write,
                        anthropic ? input.multiply(WRITE_1H) : null,
                        output));
    }

    private BigDecimal batchDiscount(BigDecimal input, BigDecimal output) {
        BigDecimal batchInput = perMillion("input_cost_per_token_batches", false);
        BigDecimal batchOutput = perMillion("output_cost_per_token_batches", false);
        if (batchInput == null && batchOutput == null) {
            if (provider.equals("anthropic")) {
                derived.merge("batch_discount", 1, Integer::sum);
                return HALF;
            }
            return null;
        }
        if (batchInput == null || batchOutput == null || input.signum() == 0 || output.signum() == 0) {
            throw new MalformedEntryException("batch rates need both input_cost_per_token_batches and"
                    + " output_cost_per_token_batches over non-zero standard rates");
        }
        BigDecimal inputShare = batchInput.divide(input, MathContext.DECIMAL64);
        BigDecimal outputShare = batchOutput.divide(output, MathContext.DECIMAL64);
        if (inputShare.compareTo(outputShare) != 0) {
            throw new MalformedEntryException("batch rates are not one discount of the standard rates (input x"
                    + inputShare.toPlainString() + ", output x" + outputShare.toPlainString() + ")");
        }
        return BigDecimal.ONE.subtract(inputShare).stripTrailingZeros();
    }

    /** Per-token USD from the JSON text, as USD per 1M tokens; never through a double. */
    private BigDecimal perMillion(String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new MalformedEntryException(field + " is missing");
            }
            return null;
        }
        if (!value.isNumber()) {
            throw new MalformedEntryException(field + " is not a number: " + value);
        }
        BigDecimal perMillion = value.decimalValue().movePointRight(6).stripTrailingZeros();
        if (perMillion.signum() < 0) {
            throw new MalformedEntryException(field + " must not be negative, was " + value);
        }
        return perMillion.scale() < 0 ? perMillion.setScale(0) : perMillion;
    }

    String key() {
        return key;
    }
}
