package dev.budgetguard.ingest.admission;

import java.util.List;
import java.util.Objects;

/**
 * What a request's worst-case prompt token count is computed from, as its endpoint read it; the {@link CostEstimator}
 * turns it into tokens for the model asked for.
 *
 * <p>Two kinds of content: {@code texts} are what the model reads as text (message contents, names, tool-call
 * arguments), counted exactly with the model's tokenizer when the estimator knows it (OpenAI) and otherwise bounded by
 * their UTF-8 length; {@code boundedBytes} are bytes always counted one token per byte (tool definitions, schemas, the
 * whole body for providers without a tokenizer here). One token per UTF-8 byte is a true upper bound for byte-level
 * BPE and byte-fallback tokenizers, whose every token covers at least one byte.
 *
 * @param texts text the model reads; never {@code null}
 * @param messages chat messages (each costs a few tokens of framing)
 * @param names {@code name} members of messages (one token each on OpenAI)
 * @param nonTextParts images, audio and files, each counted at {@link CostEstimator#NON_TEXT_PART_TOKENS}
 * @param boundedBytes bytes counted one token each
 * @param unseenInput the request brings in input the collector cannot see (a stored response, conversation or prompt,
 *     a file or document by id or URL): the prompt is then bounded by the configured unseen-input allowance
 */
public record PromptSize(
        List<String> texts, int messages, int names, int nonTextParts, long boundedBytes, boolean unseenInput) {

    /** A request with no prompt at all. */
    public static final PromptSize NONE = new PromptSize(List.of(), 0, 0, 0, 0);

    /** A prompt whose every part is in the request. */
    public PromptSize(List<String> texts, int messages, int names, int nonTextParts, long boundedBytes) {
        this(texts, messages, names, nonTextParts, boundedBytes, false);
    }

    public PromptSize {
        Objects.requireNonNull(texts, "texts");
        if (messages < 0 || names < 0 || nonTextParts < 0 || boundedBytes < 0) {
            throw new IllegalArgumentException("messages, names, nonTextParts, boundedBytes: must be >= 0");
        }
    }

    /** A prompt bounded by its UTF-8 byte length alone, plus {@code nonTextParts} images or files referenced. */
    public static PromptSize ofBytes(long utf8Bytes, int nonTextParts) {
        return ofBytes(utf8Bytes, nonTextParts, false);
    }

    /** As {@link #ofBytes(long, int)}, with input the collector cannot see when {@code unseenInput}. */
    public static PromptSize ofBytes(long utf8Bytes, int nonTextParts, boolean unseenInput) {
        return new PromptSize(List.of(), 0, 0, nonTextParts, utf8Bytes, unseenInput);
    }
}
