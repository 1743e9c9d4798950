package dev.budgetguard.ingest.prices;

import dev.budgetguard.schemas.pricing.ModelPrice;
import dev.budgetguard.schemas.pricing.ModelPriceTable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Price versions in the {@code model_price} table, in SQL that runs on H2 and PostgreSQL. */
@Repository
class JdbcPriceStore implements PriceStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    JdbcPriceStore(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public List<ModelPrice> all() {
        return jdbc.sql(ModelPriceTable.SELECT_ALL)
                .query((rs, row) -> ModelPriceTable.read(rs))
                .list();
    }

    @Override
    public boolean seedIfEmpty(Collection<ModelPrice> versions, String source, Instant createdAt) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                long count = jdbc.sql(ModelPriceTable.COUNT).query(Long.class).single();
                if (count > 0) {
                    return false;
                }
                versions.forEach(price -> insert(price, source, createdAt));
                return true;
            }));
        } catch (DuplicateKeyException e) {
            // Another node seeded between our count and our insert; its rows are the same bundled table.
            return false;
        }
    }

    @Override
    public ModelPrice append(PriceChange change, Instant createdAt) {
        return transaction.execute(status -> {
            Optional<ModelPrice> latest = jdbc
                    .sql(ModelPriceTable.SELECT_MODEL_FOR_UPDATE)
                    .param("model", change.model())
                    .query((rs, row) -> ModelPriceTable.read(rs))
                    .list()
                    .stream()
                    .findFirst();
            ModelPrice next = change.versionAfter(latest);
            latest.filter(current -> current.effectiveTo() == null
                            || current.effectiveTo().isAfter(next.effectiveFrom()))
                    .ifPresent(current -> jdbc.sql(ModelPriceTable.CLOSE)
                            .params(Map.of(
                                    "model", current.model(),
                                    "effectiveFrom", current.effectiveFrom(),
                                    "effectiveTo", next.effectiveFrom()))
                            .update());
            insert(next, change.source(), createdAt);
            return next;
        });
    }

    private void insert(ModelPrice price, String source, Instant createdAt) {
        jdbc.sql(ModelPriceTable.INSERT)
                .params(ModelPriceTable.values(price, source, createdAt))
                .update();
    }
}
