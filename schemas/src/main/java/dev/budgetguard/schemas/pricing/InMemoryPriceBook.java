package dev.budgetguard.schemas.pricing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A price book held in memory, indexed by canonical model id; lookups allocate nothing on the hit path. */
public final class InMemoryPriceBook implements PriceBook {

    private final Map<String, List<ModelPrice>> byModel = new HashMap<>();

    public InMemoryPriceBook(Collection<ModelPrice> prices) {
        for (ModelPrice price : prices) {
            List<ModelPrice> versions =
                    byModel.computeIfAbsent(ModelIds.canonical(price.model()), k -> new ArrayList<>());
            for (ModelPrice other : versions) {
                if (overlaps(other, price)) {
                    throw new IllegalArgumentException(
                            "price versions " + other.version() + " and " + price.version() + " overlap");
                }
            }
            versions.add(price);
        }
    }

    @Override
    public Optional<ModelPrice> priceAt(String model, Instant at) {
        List<ModelPrice> versions = byModel.get(model);
        if (versions == null) {
            versions = byModel.get(ModelIds.canonical(model));
        }
        if (versions != null) {
            for (ModelPrice price : versions) {
                if (price.inForceAt(at)) {
                    return Optional.of(price);
                }
            }
        }
        return Optional.empty();
    }

    public Collection<ModelPrice> all() {
        return byModel.values().stream().flatMap(List::stream).toList();
    }

    private static boolean overlaps(ModelPrice a, ModelPrice b) {
        boolean aEndsBeforeB = a.effectiveTo() != null && !a.effectiveTo().isAfter(b.effectiveFrom());
        boolean bEndsBeforeA = b.effectiveTo() != null && !b.effectiveTo().isAfter(a.effectiveFrom());
        return !aEndsBeforeB && !bEndsBeforeA;
    }
}
