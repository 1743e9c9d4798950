package dev.budgetguard.ingest.admin;

import dev.budgetguard.schemas.pricing.LongContextTier;
import dev.budgetguard.schemas.pricing.ModelPrice;
import dev.budgetguard.schemas.pricing.TokenRates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Response bodies of the price routes. Money is a plain decimal string, so no client reads it as a double. */
final class PriceViews {

    private PriceViews() {}

    /** {@code at} is the instant the versions are in force at; {@code null} for the whole history. */
    record PriceList(String object, Instant at, List<PriceView> data) {
        static PriceList of(Instant at, List<ModelPrice> prices) {
            return new PriceList("list", at, prices.stream().map(PriceView::of).toList());
        }
    }

    record PriceView(
            String model,
            String provider,
            String version,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            String inputPerMillion,
            String cachedInputPerMillion,
            String cacheWrite5mPerMillion,
            String cacheWrite1hPerMillion,
            String outputPerMillion,
            long maxOutputTokens,
            LongContextView longContext,
            String batchDiscount) {

        static PriceView of(ModelPrice price) {
            TokenRates rates = price.rates();
            LongContextTier tier = price.longContext();
            return new PriceView(
                    price.model(),
                    price.provider(),
                    price.version(),
                    price.effectiveFrom(),
                    price.effectiveTo(),
                    plain(rates.inputPerMillion()),
                    plain(rates.cachedInputPerMillion()),
                    plain(rates.cacheWrite5mPerMillion()),
                    plain(rates.cacheWrite1hPerMillion()),
                    plain(rates.outputPerMillion()),
                    price.maxOutputTokens(),
                    tier == null ? null : LongContextView.of(tier),
                    price.batchDiscount() == null ? null : plain(price.batchDiscount()));
        }
    }

    record LongContextView(
            long thresholdInputTokens,
            String inputPerMillion,
            String cachedInputPerMillion,
            String cacheWrite5mPerMillion,
            String cacheWrite1hPerMillion,
            String outputPerMillion) {

        static LongContextView of(LongContextTier tier) {
            TokenRates rates = tier.rates();
            return new LongContextView(
                    tier.thresholdInputTokens(),
                    plain(rates.inputPerMillion()),
                    plain(rates.cachedInputPerMillion()),
                    plain(rates.cacheWrite5mPerMillion()),
                    plain(rates.cacheWrite1hPerMillion()),
                    plain(rates.outputPerMillion()));
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
