package dev.budgetguard.jobs.rollup;

import dev.budgetguard.schemas.lake.LakeLayout;
import dev.budgetguard.schemas.spool.SegmentId;
import dev.budgetguard.schemas.usage.Cost;
import dev.budgetguard.schemas.usage.CostStatus;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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

    /** Columns whose values are (nearly) all distinct: a dictionary would only be built to be thrown away. */
    static final List<String> DISTINCT_COLUMNS =
            List.of("request_id", "created_at", "completed_at", "upstream_latency_us");

    private static final int COST_SCALE = 12;
    private static final int REPEATED_VALUES_KEPT = 4096;

    private static final Column REQUEST_ID = new Column("request_id");
    private static final Column TENANT_ID = new Column("tenant_id");
    private static final Column PROVIDER = new Column("provider");
    private static final Column ROUTE = new Column("route");
    private static final Column MODEL = new Column("model");
    private static final Column STREAM = new Column("stream");
    private static final Column STATUS = new Column("status");
    private static final Column HTTP_STATUS = new Column("http_status");
    private static final Column ERROR_CODE = new Column("error_code");
    private static final Column CREATED_AT = new Column("created_at");
    private static final Column COMPLETED_AT = new Column("completed_at");
    private static final Column INPUT_TOKENS = new Column("input_tokens");
    private static final Column CACHED_INPUT_TOKENS = new Column("cached_input_tokens");
    private static final Column CACHE_WRITE_5M_TOKENS = new Column("cache_write_5m_tokens");
    private static final Column CACHE_WRITE_1H_TOKENS = new Column("cache_write_1h_tokens");
    private static final Column OUTPUT_TOKENS = new Column("output_tokens");
    private static final Column REASONING_TOKENS = new Column("reasoning_tokens");
    private static final Column COST_USD = new Column("cost_usd");
    private static final Column COST_STATUS = new Column("cost_status");
    private static final Column PRICE_VERSION = new Column("price_version");
    private static final Column UPSTREAM_LATENCY_US = new Column("upstream_latency_us");
    private static final Column SEGMENT_ID = new Column("segment_id");
    private static final Column SERVICE_TIER = new Column("service_tier");
    private static final Column BATCH = new Column("batch");

    private static final Binary[] STATUS_NAMES = Arrays.stream(UsageStatus.values())
            .map(status -> Binary.fromString(status.wireName()))
            .toArray(Binary[]::new);
    private static final Binary[] COST_STATUS_NAMES = Arrays.stream(CostStatus.values())
            .map(status -> Binary.fromString(status.wireName()))
            .toArray(Binary[]::new);

    /**
     * Encoded values of the columns that repeat (tenant, model, status, ...), so that each distinct one is turned into
     * UTF-8 once per file rather than once per row. Bounded, in case a column turns out not to repeat.
     */
    private final Map<String, Binary> repeated = new HashMap<>();

    private RecordConsumer out;
    private SegmentId lastSegment;
    private Binary lastSegmentName;

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
        binary(REQUEST_ID, Binary.fromString(row.requestId()));
        text(TENANT_ID, row.tenantId());
        text(PROVIDER, row.provider());
        text(ROUTE, row.route());
        text(MODEL, row.model());
        bool(STREAM, row.stream());
        binary(STATUS, STATUS_NAMES[row.status().ordinal()]);
        int32(HTTP_STATUS, row.httpStatus());
        text(ERROR_CODE, row.errorCode());
        int64(CREATED_AT, micros(row.createdAt()));
        if (row.completedAt() != null) {
            int64(COMPLETED_AT, micros(row.completedAt()));
        }
        TokenUsage usage = row.usage();
        int64(INPUT_TOKENS, usage.inputTokens());
        int64(CACHED_INPUT_TOKENS, usage.cachedInputTokens());
        int64(CACHE_WRITE_5M_TOKENS, usage.cacheWrite5mTokens());
        int64(CACHE_WRITE_1H_TOKENS, usage.cacheWrite1hTokens());
        int64(OUTPUT_TOKENS, usage.outputTokens());
        int64(REASONING_TOKENS, usage.reasoningTokens());
        Cost cost = row.cost();
        if (cost.amountUsd() != null) {
            int64(COST_USD, unscaledCost(row.requestId(), cost.amountUsd()));
        }
        binary(COST_STATUS, COST_STATUS_NAMES[cost.status().ordinal()]);
        text(PRICE_VERSION, cost.priceVersion());
        int64(UPSTREAM_LATENCY_US, row.upstreamLatencyMicros());
        binary(SEGMENT_ID, segmentName(row.segment()));
        text(SERVICE_TIER, row.serviceTier().name());
        bool(BATCH, row.serviceTier().batch());
        out.endMessage();
    }

    /** A file holds one segment's rows, and {@link SegmentId#toString} formats. */
    private Binary segmentName(SegmentId segment) {
        if (!segment.equals(lastSegment)) {
            lastSegment = segment;
            lastSegmentName = Binary.fromString(segment.toString());
        }
        return lastSegmentName;
    }

    private void text(Column column, String value) {
        if (value == null) {
            return;
        }
        Binary encoded = repeated.get(value);
        if (encoded == null) {
            encoded = Binary.fromString(value);
            if (repeated.size() < REPEATED_VALUES_KEPT) {
                repeated.put(value, encoded);
            }
        }
        binary(column, encoded);
    }

    private void binary(Column column, Binary value) {
        out.startField(column.name, column.index);
        out.addBinary(value);
        out.endField(column.name, column.index);
    }

    private void int64(Column column, long value) {
        out.startField(column.name, column.index);
        out.addLong(value);
        out.endField(column.name, column.index);
    }

    private void int32(Column column, int value) {
        out.startField(column.name, column.index);
        out.addInteger(value);
        out.endField(column.name, column.index);
    }

    private void bool(Column column, boolean value) {
        out.startField(column.name, column.index);
        out.addBoolean(value);
        out.endField(column.name, column.index);
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

    /** A field of the lake schema with its position, looked up once; an unknown name fails at class load. */
    private static final class Column {
        final String name;
        final int index;

        Column(String name) {
            this.name = name;
            this.index = SCHEMA.getFieldIndex(name);
        }
    }

    /** A writer of usage rows to one file. */
    static final class Builder extends ParquetWriter.Builder<UsageRow, Builder> {

        Builder(OutputFile file) {
            super(file);
            DISTINCT_COLUMNS.forEach(column -> withDictionaryEncoding(column, false));
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
