package dev.budgetguard.jobs.prices;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What one import did, for the operator: counts, every rejected entry with its reason, and the fields ignored. */
record ImportSummary(
        String file,
        LocalDate effectiveFrom,
        int entries,
        int inScope,
        int imported,
        int unchanged,
        int folded,
        int duplicates,
        List<RejectedEntry> rejected,
        int skippedByProvider,
        Map<String, Integer> skippedByMode,
        Map<String, Integer> derivedFields,
        Map<String, Integer> ignoredFields) {

    ImportSummary {
        rejected = List.copyOf(rejected);
    }

    String render() {
        List<String> lines = new ArrayList<>();
        lines.add("prices import-litellm file=" + file + " effective=" + effectiveFrom);
        lines.add("entries=" + entries + " in_scope=" + inScope + " (litellm_provider openai|anthropic|gemini,"
                + " mode chat|responses)");
        lines.add("imported=" + imported + " unchanged=" + unchanged + " folded_into_model=" + folded + " duplicates="
                + duplicates + " rejected=" + rejected.size());
        rejected.forEach(r -> lines.add("  rejected " + r.key() + ": " + r.reason()));
        lines.add("skipped: other_provider=" + skippedByProvider + " mode " + counts(skippedByMode));
        if (!derivedFields.isEmpty()) {
            lines.add("derived from Anthropic's documented modifiers: " + counts(derivedFields));
        }
        Map<String, Integer> priceFields = only(true);
        lines.add("ignored price fields (not metered, may under-price those dimensions): " + counts(priceFields));
        lines.add("ignored other fields: " + counts(only(false)));
        return String.join("\n", lines);
    }

    private Map<String, Integer> only(boolean priceBearing) {
        return ignoredFields.entrySet().stream()
                .filter(e -> e.getKey().contains("cost") == priceBearing)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
    }

    private static String counts(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
