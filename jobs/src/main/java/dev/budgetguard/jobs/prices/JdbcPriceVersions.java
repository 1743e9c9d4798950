package dev.budgetguard.jobs.prices;

import dev.budgetguard.schemas.pricing.ModelPrice;
import dev.budgetguard.schemas.pricing.ModelPriceTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes imported prices into the {@code model_price} table the collector prices from, by the collector's rules: a
 * new version starts after the model's latest one and closes it; history is never rewritten; a price equal to the
 * one in force on that day is no change. All in one transaction, so a collector polling meanwhile sees all or none.
 */
final class JdbcPriceVersions {

    /** What became of the prices handed in. */
    record Written(int imported, int unchanged, List<RejectedEntry> refused) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    JdbcPriceVersions(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    Written write(List<ModelPrice> prices, String source, Instant createdAt) {
        return transaction.execute(status -> {
            int imported = 0;
            int unchanged = 0;
            List<RejectedEntry> refused = new ArrayList<>();
            for (ModelPrice price : prices) {
                Optional<ModelPrice> latest = latest(price.model());
                String refusal = latest.map(current -> refusal(current, price)).orElse(null);
                if (latest.isPresent() && isInForceUnchanged(latest.get(), price)) {
                    unchanged++;
                } else if (refusal != null) {
                    refused.add(new RejectedEntry(price.model(), refusal));
                } else {
                    latest.ifPresent(current -> close(current, price));
                    jdbc.sql(ModelPriceTable.INSERT)
                            .params(ModelPriceTable.values(price, source, createdAt))
                            .update();
                    imported++;
                }
            }
            return new Written(imported, unchanged, refused);
        });
    }

    private Optional<ModelPrice> latest(String model) {
        return jdbc
                .sql(ModelPriceTable.SELECT_MODEL_FOR_UPDATE)
                .param("model", model)
                .query((rs, row) -> ModelPriceTable.read(rs))
                .list()
                .stream()
                .findFirst();
    }

    private static boolean isInForceUnchanged(ModelPrice current, ModelPrice next) {
        return !current.effectiveFrom().isAfter(next.effectiveFrom())
                && (current.effectiveTo() == null || current.effectiveTo().isAfter(next.effectiveFrom()))
                && current.sameTermsAs(next);
    }

    private static String refusal(ModelPrice current, ModelPrice next) {
        if (next.effectiveFrom().isAfter(current.effectiveFrom())) {
            return null;
        }
        return "history is never rewritten: the latest version starts " + current.effectiveFrom()
                + ", so a new one cannot start " + next.effectiveFrom();
    }

    private void close(ModelPrice current, ModelPrice next) {
        if (current.effectiveTo() == null || current.effectiveTo().isAfter(next.effectiveFrom())) {
            jdbc.sql(ModelPriceTable.CLOSE)
                    .params(Map.of(
                            "model", current.model(),
                            "effectiveFrom", current.effectiveFrom(),
                            "effectiveTo", next.effectiveFrom()))
                    .update();
        }
    }
}
