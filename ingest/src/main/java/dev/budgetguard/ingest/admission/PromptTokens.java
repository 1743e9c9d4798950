package dev.budgetguard.ingest.admission;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import java.util.Locale;

/**
 * Upper bounds on a prompt's input tokens. For OpenAI models whose tokenizer is known the text is counted exactly with
 * jtokkit, plus the chat framing OpenAI documents (3 tokens per message, 1 per {@code name}, 3 priming the reply);
 * for every other model each UTF-8 byte of text counts as one token, which no byte-level BPE or byte-fallback
 * tokenizer can exceed. Everything the endpoint could only bound (tool definitions, non-text parts) is added as bounded.
 */
final class PromptTokens {

    /** OpenAI's chat framing per message ({@code <|start|>role<|message|>...<|end|>}), per the OpenAI cookbook. */
    static final int TOKENS_PER_MESSAGE = 3;

    static final int TOKENS_PER_NAME = 1;

    /** Every reply is primed with {@code <|start|>assistant<|message|>}. */
    static final int REPLY_PRIMING_TOKENS = 3;

    /**
     * Framing a provider may add that the byte bound does not see (role markers, a tool-use system prompt of a few
     * hundred tokens on Anthropic): a fixed allowance per request for models counted by bytes.
     */
    static final int BYTE_BOUND_OVERHEAD_TOKENS = 1_024;

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private final int exactCountLimitChars;
    private final long unseenInputTokens;

    /**
     * @param exactCountLimitChars largest total text counted exactly; a longer prompt is bounded by its bytes instead,
     *     which can only overestimate, so that tokenizing one request never takes more than a bounded time
     * @param unseenInputTokens the bound of a prompt with input the collector cannot see ({@link
     *     PromptSize#unseenInput}): no model's whole input can exceed its context window
     */
    PromptTokens(int exactCountLimitChars, long unseenInputTokens) {
        this.exactCountLimitChars = exactCountLimitChars;
        this.unseenInputTokens = unseenInputTokens;
    }

    /** How many characters {@link #upperBound} would tokenize for this prompt: 0 when it only adds up bytes. */
    long tokenizerWork(String model, PromptSize prompt) {
        if (encodingOf(model) == null) {
            return 0;
        }
        long chars = totalChars(prompt.texts());
        return chars <= exactCountLimitChars ? chars : 0;
    }

    long upperBound(String model, PromptSize prompt) {
        long seen = seenUpperBound(model, prompt);
        return prompt.unseenInput() ? Math.max(seen, unseenInputTokens) : seen;
    }

    private long seenUpperBound(String model, PromptSize prompt) {
        long bounded = Math.addExact(
                prompt.boundedBytes(),
                Math.multiplyExact((long) prompt.nonTextParts(), CostEstimator.NON_TEXT_PART_TOKENS));
        Encoding encoding = encodingOf(model);
        if (encoding != null && totalChars(prompt.texts()) <= exactCountLimitChars) {
            long tokens = 0;
            for (String text : prompt.texts()) {
                tokens += encoding.countTokensOrdinary(text);
            }
            long framing = (long) prompt.messages() * TOKENS_PER_MESSAGE
                    + (long) prompt.names() * TOKENS_PER_NAME
                    + (prompt.messages() > 0 ? REPLY_PRIMING_TOKENS : 0);
            return tokens + framing + bounded;
        }
        long bytes = 0;
        for (String text : prompt.texts()) {
            bytes += utf8Length(text);
        }
        long framing = (long) prompt.messages() * TOKENS_PER_MESSAGE
                + (long) prompt.names() * TOKENS_PER_NAME
                + BYTE_BOUND_OVERHEAD_TOKENS;
        return bytes + framing + bounded;
    }

    /**
     * The tokenizer of an OpenAI model family, by id prefix: {@code o200k_base} for GPT-4o, 4.1, 4.5, 5, o-series and
     * gpt-oss; {@code cl100k_base} for GPT-4, GPT-3.5 and the embedding models; {@code null} for anything else.
     */
    static Encoding encodingOf(String model) {
        String id = model.toLowerCase(Locale.ROOT);
        if (id.startsWith("gpt-4o")
                || id.startsWith("chatgpt-4o")
                || id.startsWith("gpt-4.1")
                || id.startsWith("gpt-4.5")
                || id.startsWith("gpt-5")
                || id.startsWith("gpt-oss")
                || isOSeries(id)) {
            return REGISTRY.getEncoding(EncodingType.O200K_BASE);
        }
        if (id.startsWith("gpt-4") || id.startsWith("gpt-3.5") || id.startsWith("text-embedding-")) {
            return REGISTRY.getEncoding(EncodingType.CL100K_BASE);
        }
        return null;
    }

    /** {@code o1}, {@code o3-mini}, {@code o4-mini-2025-04-16}: an {@code o}, a digit, then the end or a dash. */
    private static boolean isOSeries(String id) {
        if (id.length() < 2 || id.charAt(0) != 'o' || !Character.isDigit(id.charAt(1))) {
            return false;
        }
        int i = 1;
        while (i < id.length() && Character.isDigit(id.charAt(i))) {
            i++;
        }
        return i == id.length() || id.charAt(i) == '-';
    }

    private static long totalChars(List<String> texts) {
        long chars = 0;
        for (String text : texts) {
            chars += text.length();
        }
        return chars;
    }

    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
