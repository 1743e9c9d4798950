package dev.budgetguard.schemas.usage;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The spool's line format: one JSON object per line, described by {@code usage-record.schema.json}.
 *
 * <p>Encoding is hand-written because it runs on the collector's event loop for every request. Decoding runs in jobs
 * over millions of lines: lines in exactly the written form take a byte-level path ({@link CanonicalLineDecoder}), and
 * every other line, including every one that is rejected, goes through a streaming JSON parser, which alone decides
 * what else is accepted and why a line is not. Money travels as a JSON string so that no reader turns it into a binary
 * float. Fields added since version 1 first shipped ({@code service_tier}, {@code batch}) are optional: a line written
 * before them reads as the standard tier.
 */
public final class UsageRecordCodec {

    /** Version written in every line's {@code v} field. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();

    private UsageRecordCodec() {}

    /** The record as one UTF-8 line, newline included. */
    public static byte[] encode(UsageRecord r) {
        StringBuilder b = new StringBuilder(512);
        b.append("{\"v\":").append(FORMAT_VERSION);
        text(b, "kind", r.kind().wireName());
        text(b, "request_id", r.requestId());
        text(b, "tenant_id", r.tenantId());
        text(b, "provider", r.provider());
        text(b, "route", r.route());
        text(b, "model", r.model());
        b.append(",\"stream\":").append(r.stream());
        text(b, "created_at", r.createdAt().toString());
        text(b, "completed_at", r.completedAt() == null ? null : r.completedAt().toString());
        text(b, "status", r.status().wireName());
        number(b, "http_status", r.httpStatus());
        TokenUsage u = r.usage();
        number(b, "input_tokens", u.inputTokens());
        number(b, "cached_input_tokens", u.cachedInputTokens());
        number(b, "cache_write_5m_tokens", u.cacheWrite5mTokens());
        number(b, "cache_write_1h_tokens", u.cacheWrite1hTokens());
        number(b, "output_tokens", u.outputTokens());
        number(b, "reasoning_tokens", u.reasoningTokens());
        Cost c = r.cost();
        text(b, "cost_usd", c.amountUsd() == null ? null : c.amountUsd().toPlainString());
        text(b, "cost_status", c.status().wireName());
        text(b, "price_version", c.priceVersion());
        number(b, "upstream_latency_us", r.upstreamLatencyMicros());
        text(b, "error_code", r.errorCode());
        text(b, "service_tier", r.serviceTier().name());
        b.append(",\"batch\":").append(r.serviceTier().batch());
        b.append("}\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses one line (with or without its trailing newline). */
    public static UsageRecord decode(byte[] line, int offset, int length) {
        UsageRecord canonical = CanonicalLineDecoder.decode(line, offset, length);
        return canonical != null ? canonical : decodeGeneral(line, offset, length);
    }

    /** The streaming JSON path, for lines not in the written form. */
    static UsageRecord decodeGeneral(byte[] line, int offset, int length) {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), line, offset, length)) {
            return read(p);
        } catch (JacksonException | IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new UsageRecordFormatException(e.getMessage(), e);
        }
    }

    public static UsageRecord decode(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return decode(bytes, 0, bytes.length);
    }

    private static UsageRecord read(JsonParser p) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new UsageRecordFormatException("a usage record is a JSON object", null);
        }
        Fields f = new Fields();
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            f.set(name, value == JsonToken.VALUE_NULL ? null : p, value);
        }
        if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
            throw new UsageRecordFormatException("trailing content after the record", null);
        }
        return f.build();
    }

    private static void text(StringBuilder b, String name, String value) {
        b.append(",\"").append(name).append("\":");
        if (value == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        b.append('"');
    }

    private static void number(StringBuilder b, String name, long value) {
        b.append(",\"").append(name).append("\":").append(value);
    }

    /** Collects fields in any order; unknown fields are ignored so that newer writers stay readable. */
    private static final class Fields {
        private int version = -1;
        private String kind;
        private String requestId;
        private String tenantId;
        private String provider;
        private String route;
        private String model;
        private boolean stream;
        private String createdAt;
        private String completedAt;
        private String status;
        private int httpStatus;
        private final long[] tokens = new long[6];
        private String costUsd;
        private String costStatus;
        private String priceVersion;
        private long latency;
        private String errorCode;
        private String serviceTier;
        private boolean batch;

        void set(String name, JsonParser p, JsonToken token) {
            switch (name) {
                case "v" -> version = p == null ? -1 : p.getIntValue();
                case "kind" -> kind = str(p);
                case "request_id" -> requestId = str(p);
                case "tenant_id" -> tenantId = str(p);
                case "provider" -> provider = str(p);
                case "route" -> route = str(p);
                case "model" -> model = str(p);
                case "stream" -> stream = token == JsonToken.VALUE_TRUE;
                case "created_at" -> createdAt = str(p);
                case "completed_at" -> completedAt = str(p);
                case "status" -> status = str(p);
                case "http_status" -> httpStatus = p == null ? 0 : p.getIntValue();
                case "input_tokens" -> tokens[0] = num(p);
                case "cached_input_tokens" -> tokens[1] = num(p);
                case "cache_write_5m_tokens" -> tokens[2] = num(p);
                case "cache_write_1h_tokens" -> tokens[3] = num(p);
                case "output_tokens" -> tokens[4] = num(p);
                case "reasoning_tokens" -> tokens[5] = num(p);
                case "cost_usd" -> costUsd = str(p);
                case "cost_status" -> costStatus = str(p);
                case "price_version" -> priceVersion = str(p);
                case "upstream_latency_us" -> latency = num(p);
                case "error_code" -> errorCode = str(p);
                case "service_tier" -> serviceTier = str(p);
                case "batch" -> batch = token == JsonToken.VALUE_TRUE;
                default -> {}
            }
        }

        UsageRecord build() {
            if (version != FORMAT_VERSION) {
                throw new UsageRecordFormatException("unsupported record version " + version, null);
            }
            Cost cost = new Cost(
                    costUsd == null ? null : new BigDecimal(costUsd),
                    CostStatus.fromWire(required("cost_status", costStatus)),
                    priceVersion);
            return new UsageRecord(
                    RecordKind.fromWire(required("kind", kind)),
                    requestId,
                    tenantId,
                    provider,
                    route,
                    model,
                    stream,
                    Instant.parse(required("created_at", createdAt)),
                    completedAt == null ? null : Instant.parse(completedAt),
                    UsageStatus.fromWire(required("status", status)),
                    httpStatus,
                    new TokenUsage(tokens[0], tokens[1], tokens[2], tokens[3], tokens[4], tokens[5]),
                    cost,
                    latency,
                    errorCode,
                    serviceTier == null && !batch ? ServiceTier.STANDARD : new ServiceTier(serviceTier, batch));
        }

        private static String required(String field, String value) {
            if (value == null) {
                throw new UsageRecordFormatException("missing field " + field, null);
            }
            return value;
        }

        private static String str(JsonParser p) {
            return p == null ? null : p.getString();
        }

        private static long num(JsonParser p) {
            return p == null ? 0 : p.getLongValue();
        }
    }
}
