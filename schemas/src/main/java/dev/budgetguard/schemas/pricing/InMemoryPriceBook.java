package dev.budgetguard.schemas.pricing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A price book held in memory, indexed by model id; a lookup by the id a price was stored under allocates nothing.
 * A price stored for an exact id (a snapshot priced apart from its family) wins over its canonical model's.
 */
public final class InMemoryPriceBook implements PriceBook {

    private final Map<String, List<ModelPrice>> byModel = new HashMap<>();

    public InMemoryPriceBook(Collection<ModelPrice> prices) {
        for (ModelPrice price : prices) {
            List<ModelPrice> versions =
                    byModel.computeIfAbsent(price.model().toLowerCase(Locale.ROOT), k -> new ArrayList<>());
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
        ModelPrice price = inForce(byModel.get(model), at);
        if (price == null) {
            // An id priced exactly (a snapshot with its own price) wins over the family's alias or undated id.
            String exact = ModelIds.exact(model);
            price = exact.equals(model) ? null : inForce(byModel.get(exact), at);
        }
        if (price == null) {
            price = inForce(byModel.get(ModelIds.canonical(model)), at);
        }
        return Optional.ofNullable(price);
    }

    private static ModelPrice inForce(List<ModelPrice> versions, Instant at) {
        if (versions != null) {
            for (ModelPrice price : versions) {
                if (price.inForceAt(at)) {
                    return price;
                }
            }
        }
        return null;
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
