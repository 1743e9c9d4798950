package dev.budgetguard.ingest.prices;

import dev.budgetguard.schemas.pricing.InMemoryPriceBook;
import dev.budgetguard.schemas.pricing.ModelPrice;
import dev.budgetguard.schemas.pricing.PriceBook;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The proxy's price book: an immutable in-memory book swapped whole on every reload, so a request reads one
 * consistent version without locks and without a database call.
 */
final class PriceBookSnapshot implements PriceBook {

    private volatile InMemoryPriceBook book = new InMemoryPriceBook(List.of());

    @Override
    public Optional<ModelPrice> priceAt(String model, Instant at) {
        return book.priceAt(model, at);
    }

    /** @return how many versions the new snapshot holds */
    int replace(Collection<ModelPrice> versions) {
        book = new InMemoryPriceBook(versions);
        return versions.size();
    }
}
