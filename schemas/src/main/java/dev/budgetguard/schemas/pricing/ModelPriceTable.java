package dev.budgetguard.schemas.pricing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code model_price} table (migration V3) in portable SQL with named parameters, and how a row maps to a
 * {@link ModelPrice}. The collector's admin API and the jobs' importer both write versions; sharing the mapping keeps
 * them from drifting apart.
 */
public final class ModelPriceTable {

    private static final String COLUMNS = "model, effective_from, effective_to, provider, input_per_million,"
            + " cached_input_per_million, cache_write_5m_per_million, cache_write_1h_per_million, output_per_million,"
            + " max_output_tokens, long_context_threshold, long_input_per_million, long_cached_input_per_million,"
            + " long_cache_write_5m_per_million, long_cache_write_1h_per_million, long_output_per_million,"
            + " batch_discount";

    public static final String SELECT = "SELECT " + COLUMNS + " FROM model_price";

    /** Every version, oldest first per model. */
    public static final String SELECT_ALL = SELECT + " ORDER BY model, effective_from";

    /** A model's versions, newest first, locked until the transaction ends so that two writers take turns. */
    public static final String SELECT_MODEL_FOR_UPDATE =
            SELECT + " WHERE model = :model ORDER BY effective_from DESC FOR UPDATE";

    public static final String INSERT = "INSERT INTO model_price (" + COLUMNS + ", source, created_at) VALUES (:model,"
            + " :effectiveFrom, :effectiveTo, :provider, :input, :cachedInput, :cacheWrite5m, :cacheWrite1h, :output,"
            + " :maxOutputTokens, :longThreshold, :longInput, :longCachedInput, :longCacheWrite5m, :longCacheWrite1h,"
            + " :longOutput, :batchDiscount, :source, :createdAt)";

    /** Closes one version; the only change a stored version ever sees. */
    public static final String CLOSE = "UPDATE model_price SET effective_to = :effectiveTo"
            + " WHERE model = :model AND effective_from = :effectiveFrom";

    public static final String COUNT = "SELECT COUNT(*) FROM model_price";

    private ModelPriceTable() {}

    public static ModelPrice read(ResultSet rs) throws SQLException {
        long threshold = rs.getLong("long_context_threshold");
        LongContextTier tier = rs.wasNull() ? null : new LongContextTier(threshold, rates(rs, "long_"));
        return new ModelPrice(
                rs.getString("model"),
                rs.getString("provider"),
                rs.getObject("effective_from", LocalDate.class),
                rs.getObject("effective_to", LocalDate.class),
                rates(rs, ""),
                rs.getLong("max_output_tokens"),
                tier,
                decimal(rs, "batch_discount"));
    }

    /** Parameters for {@link #INSERT}. */
    public static Map<String, Object> values(ModelPrice price, String source, Instant createdAt) {
        Map<String, Object> values = new HashMap<>();
        values.put("model", price.model());
        values.put("effectiveFrom", price.effectiveFrom());
        values.put("effectiveTo", price.effectiveTo());
        values.put("provider", price.provider());
        values.put("maxOutputTokens", price.maxOutputTokens());
        put(values, "", price.rates());
        LongContextTier tier = price.longContext();
        values.put("longThreshold", tier == null ? null : tier.thresholdInputTokens());
        put(values, "long", tier == null ? null : tier.rates());
        values.put("batchDiscount", price.batchDiscount());
        values.put("source", source);
        values.put("createdAt", createdAt.atOffset(ZoneOffset.UTC));
        return values;
    }

    private static void put(Map<String, Object> values, String prefix, TokenRates rates) {
        values.put(name(prefix, "input"), rates == null ? null : rates.inputPerMillion());
        values.put(name(prefix, "cachedInput"), rates == null ? null : rates.cachedInputPerMillion());
        values.put(name(prefix, "cacheWrite5m"), rates == null ? null : rates.cacheWrite5mPerMillion());
        values.put(name(prefix, "cacheWrite1h"), rates == null ? null : rates.cacheWrite1hPerMillion());
        values.put(name(prefix, "output"), rates == null ? null : rates.outputPerMillion());
    }

    private static String name(String prefix, String rate) {
        return prefix.isEmpty() ? rate : prefix + Character.toUpperCase(rate.charAt(0)) + rate.substring(1);
    }

    private static TokenRates rates(ResultSet rs, String prefix) throws SQLException {
        return new TokenRates(
                decimal(rs, prefix + "input_per_million"),
                decimal(rs, prefix + "cached_input_per_million"),
                decimal(rs, prefix + "cache_write_5m_per_million"),
                decimal(rs, prefix + "cache_write_1h_per_million"),
                decimal(rs, prefix + "output_per_million"));
    }

    // DECIMAL(18,6) reads back as 2.500000; strip so that versions read from the table print as they were written.
    private static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.stripTrailingZeros();
    }
}
