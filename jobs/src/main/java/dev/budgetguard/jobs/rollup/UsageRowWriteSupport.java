package dev.budgetguard.jobs.rollup;

import dev.budgetguard.schemas.lake.LakeLayout;
import dev.budgetguard.schemas.usage.Cost;
import dev.budgetguard.schemas.usage.TokenUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes {@link UsageRow}s straight to Parquet's record consumer in the lake schema, without an intermediate object
 * model. Field positions are looked up once from the schema text, so a column the code does not know fails at start.
 */
final class UsageRowWriteSupport extends WriteSupport<UsageRow> {

    static final MessageType SCHEMA = MessageTypeParser.parseMessageType(LakeLayout.usageRowSchema());

    private static final int COST_SCALE = 12;

    private RecordConsumer out;

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(SCHEMA, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(UsageRow row) {
        out.startMessage();
        text("request_id", row.requestId());
        text("tenant_id", row.tenantId());
        text("provider", row.provider());
        text("route", row.route());
        text("model", row.model());
        bool("stream", row.stream());
        text("status", row.status().wireName());
        int32("http_status", row.httpStatus());
        text("error_code", row.errorCode());
        int64("created_at", micros(row.createdAt()));
        if (row.completedAt() != null) {
            int64("completed_at", micros(row.completedAt()));
        }
        TokenUsage usage = row.usage();
        int64("input_tokens", usage.inputTokens());
        int64("cached_input_tokens", usage.cachedInputTokens());
        int64("cache_write_5m_tokens", usage.cacheWrite5mTokens());
        int64("cache_write_1h_tokens", usage.cacheWrite1hTokens());
        int64("output_tokens", usage.outputTokens());
        int64("reasoning_tokens", usage.reasoningTokens());
        Cost cost = row.cost();
        if (cost.amountUsd() != null) {
            int64("cost_usd", unscaledCost(row.requestId(), cost.amountUsd()));
        }
        text("cost_status", cost.status().wireName());
        text("price_version", cost.priceVersion());
        int64("upstream_latency_us", row.upstreamLatencyMicros());
        text("segment_id", row.segment().toString());
        out.endMessage();
    }

    private void text(String field, String value) {
        if (value == null) {
            return;
        }
        int index = SCHEMA.getFieldIndex(field);
        out.startField(field, index);
        out.addBinary(Binary.fromString(value));
        out.endField(field, index);
    }

    private void int64(String field, long value) {
        int index = SCHEMA.getFieldIndex(field);
        out.startField(field, index);
        out.addLong(value);
        out.endField(field, index);
    }

    private void int32(String field, int value) {
        int index = SCHEMA.getFieldIndex(field);
        out.startField(field, index);
        out.addInteger(value);
        out.endField(field, index);
    }

    private void bool(String field, boolean value) {
        int index = SCHEMA.getFieldIndex(field);
        out.startField(field, index);
        out.addBoolean(value);
        out.endField(field, index);
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    /** DECIMAL(18,12) as INT64: the amount in units of 10^-12 USD, which must fit 18 digits. */
    static long unscaledCost(String requestId, BigDecimal amountUsd) {
        BigDecimal unscaled = amountUsd.setScale(COST_SCALE, RoundingMode.UNNECESSARY);
        if (unscaled.precision() > 18) {
            throw new IllegalArgumentException("cost_usd " + amountUsd.toPlainString() + " of request " + requestId
                    + " does not fit DECIMAL(18," + COST_SCALE + ")");
        }
        return unscaled.unscaledValue().longValueExact();
    }

    /** A writer of usage rows to one file. */
    static final class Builder extends ParquetWriter.Builder<UsageRow, Builder> {

        Builder(OutputFile file) {
            super(file);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<UsageRow> getWriteSupport(Configuration conf) {
            return new UsageRowWriteSupport();
        }
    }
}
