package dev.budgetguard.ingest.prices;

import dev.budgetguard.schemas.pricing.ModelPrice;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Durable price versions, shared by every collector node and by jobs. */
interface PriceStore {

    /** Every version of every model, oldest first per model. */
    List<ModelPrice> all();

    /**
     * Writes {@code versions} as they are if the table holds none, in one transaction.
     *
     * @return false when the table already had versions (another node may have seeded it first)
     */
    boolean seedIfEmpty(Collection<ModelPrice> versions, String source, Instant createdAt);

    /**
     * Adds the version {@code change} makes after the model's latest one and closes that one, in one transaction.
     *
     * @throws PriceHistoryRewriteException when the change would start at or before the latest version
     * @throws InvalidPriceChangeException when the change lacks what a first version needs
     */
    ModelPrice append(PriceChange change, Instant createdAt);
}
