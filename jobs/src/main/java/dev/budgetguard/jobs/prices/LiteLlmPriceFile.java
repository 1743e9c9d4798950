package dev.budgetguard.jobs.prices;

import dev.budgetguard.schemas.pricing.ModelPrice;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads LiteLLM's price map and keeps the entries BudgetGuard meters: {@code litellm_provider} {@code openai},
 * {@code anthropic} or {@code gemini} (the Gemini API; Vertex AI's {@code vertex_ai-*} entries are Google Cloud
 * prices for another endpoint), with {@code mode} {@code chat} or {@code responses}. Everything else is counted as
 * skipped, by provider or by mode.
 */
final class LiteLlmPriceFile {

    static final Map<String, String> PROVIDERS =
            Map.of("openai", "openai", "anthropic", "anthropic", "gemini", "google");
    static final Set<String> MODES = Set.of("chat", "responses");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private LiteLlmPriceFile() {}

    /** One entry of the file read as a price, before entries of the same model are folded together. */
    record Candidate(String key, String modelId, ModelPrice price) {}

    /** Everything read from the file, with the entries that did not make it and why. */
    record Contents(
            int entries,
            List<Candidate> candidates,
            List<RejectedEntry> rejected,
            int skippedByProvider,
            Map<String, Integer> skippedByMode,
            Map<String, Integer> ignoredFields,
            Map<String, Integer> derivedFields) {}

    /** @throws PriceFileException when the file cannot be read or is not a JSON object at all */
    static Contents read(Path file, LocalDate effectiveFrom) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new PriceFileException("cannot read " + file + " as JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PriceFileException("cannot read " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new PriceFileException(file + " is not a JSON object of model entries");
        }
        List<Candidate> candidates = new ArrayList<>();
        List<RejectedEntry> rejected = new ArrayList<>();
        Map<String, Integer> skippedByMode = new TreeMap<>();
        Map<String, Integer> ignored = new TreeMap<>();
        Map<String, Integer> derived = new TreeMap<>();
        int skippedByProvider = 0;
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String key = entry.getKey();
            JsonNode node = entry.getValue();
            if (!node.isObject()) {
                rejected.add(new RejectedEntry(key, "the entry is not a JSON object"));
                continue;
            }
            String provider = PROVIDERS.get(node.path("litellm_provider").asString(""));
            if (provider == null) {
                skippedByProvider++;
                continue;
            }
            String mode = node.path("mode").asString("(none)");
            if (!MODES.contains(mode)) {
                skippedByMode.merge(mode, 1, Integer::sum);
                continue;
            }
            for (String field : node.propertyNames()) {
                if (!LiteLlmEntry.PRICED_FIELDS.contains(field) && !LiteLlmEntry.isTierField(field)) {
                    ignored.merge(field, 1, Integer::sum);
                }
            }
            String modelId = LiteLlmEntry.modelId(key);
            try {
                ModelPrice price = new LiteLlmEntry(key, node, provider, derived).price(modelId, effectiveFrom);
                candidates.add(new Candidate(key, modelId, price));
            } catch (MalformedEntryException e) {
                rejected.add(new RejectedEntry(key, e.getMessage()));
            }
        }
        return new Contents(root.size(), candidates, rejected, skippedByProvider, skippedByMode, ignored, derived);
    }
}
