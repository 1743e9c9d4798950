package dev.budgetguard.jobs.prices;

import dev.budgetguard.jobs.prices.LiteLlmPriceFile.Candidate;
import dev.budgetguard.schemas.pricing.ModelIds;
import dev.budgetguard.schemas.pricing.ModelPrice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the file's entries into one price per model id. LiteLLM lists a model under several keys (dated snapshots,
 * {@code anthropic/} prefixed copies); the price book resolves a snapshot to its model ({@link ModelIds}), so a
 * snapshot priced like its model is folded into it, and only a snapshot priced differently (such as
 * {@code gpt-4o-2024-05-13}) is kept under its own id, where an exact lookup finds it first.
 */
final class SnapshotFolding {

    /** The prices to write, and how many entries were folded into another or were exact duplicates. */
    record Folded(List<ModelPrice> prices, int folded, int duplicates, List<RejectedEntry> conflicts) {}

    private SnapshotFolding() {}

    static Folded fold(List<Candidate> candidates) {
        Map<String, Map<String, List<Candidate>>> byCanonical = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            byCanonical
                    .computeIfAbsent(ModelIds.canonical(candidate.modelId()), id -> new LinkedHashMap<>())
                    .computeIfAbsent(candidate.modelId(), id -> new ArrayList<>())
                    .add(candidate);
        }
        List<ModelPrice> prices = new ArrayList<>();
        List<RejectedEntry> conflicts = new ArrayList<>();
        int folded = 0;
        int duplicates = 0;
        for (Map.Entry<String, Map<String, List<Candidate>>> group : byCanonical.entrySet()) {
            Map<String, ModelPrice> byId = new LinkedHashMap<>();
            for (Map.Entry<String, List<Candidate>> sameId : group.getValue().entrySet()) {
                List<Candidate> copies = sameId.getValue();
                ModelPrice first = copies.get(0).price();
                if (copies.stream().allMatch(c -> c.price().sameTermsAs(first))) {
                    byId.put(sameId.getKey(), first);
                    duplicates += copies.size() - 1;
                } else {
                    copies.forEach(c -> conflicts.add(new RejectedEntry(
                            c.key(), "other keys for " + sameId.getKey() + " in the file give different prices")));
                }
            }
            String canonical = group.getKey();
            ModelPrice primary = primary(canonical, byId);
            if (primary != null) {
                prices.add(renamed(primary, canonical));
            }
            for (Map.Entry<String, ModelPrice> entry : byId.entrySet()) {
                if (primary != null && entry.getValue().sameTermsAs(primary)) {
                    folded += entry.getKey().equals(canonical) ? 0 : 1;
                } else {
                    prices.add(entry.getValue());
                }
            }
        }
        return new Folded(prices, folded, duplicates, conflicts);
    }

    /** The model's own entry, or the one price all its snapshots agree on; {@code null} when they disagree. */
    private static ModelPrice primary(String canonical, Map<String, ModelPrice> byId) {
        ModelPrice own = byId.get(canonical);
        if (own != null || byId.isEmpty()) {
            return own;
        }
        ModelPrice first = byId.values().iterator().next();
        return byId.values().stream().allMatch(p -> p.sameTermsAs(first)) ? first : null;
    }

    private static ModelPrice renamed(ModelPrice price, String model) {
        return new ModelPrice(
                model,
                price.provider(),
                price.effectiveFrom(),
                price.effectiveTo(),
                price.rates(),
                price.maxOutputTokens(),
                price.longContext(),
                price.batchDiscount());
    }
}
