package dev.budgetguard.schemas.usage;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Decodes a line in exactly the form {@link UsageRecordCodec#encode} writes, straight from the bytes: fields in the
 * written order, no whitespace, ASCII strings without escapes, plain numbers. That is every line the collector writes,
 * and it costs a fraction of a general JSON parse. Lines written before the service tier fields existed end after
 * {@code error_code} and are canonical too.
 *
 * <p>It answers {@code null} for anything else, and for any line whose values a record refuses, so that the general
 * parser decides every line that is not plainly valid: what is accepted, and the reason a line is rejected, stay the
 * general parser's.
 */
final class CanonicalLineDecoder {

    private static final byte[][] KINDS =
            wireNames(Arrays.stream(RecordKind.values()).map(RecordKind::wireName));
    private static final byte[][] STATUSES =
            wireNames(Arrays.stream(UsageStatus.values()).map(UsageStatus::wireName));
    private static final byte[][] COST_STATUSES =
            wireNames(Arrays.stream(CostStatus.values()).map(CostStatus::wireName));
    private static final RecordKind[] KIND_VALUES = RecordKind.values();
    private static final UsageStatus[] STATUS_VALUES = UsageStatus.values();
    private static final CostStatus[] COST_STATUS_VALUES = CostStatus.values();

    private final byte[] b;
    private final int end;
    private int pos;

    private CanonicalLineDecoder(byte[] line, int offset, int length) {
        this.b = line;
        this.pos = offset;
        int last = offset + length;
        this.end = length > 0 && line[last - 1] == '\n' ? last - 1 : last;
    }

    /** The record, or {@code null} when the line is not in canonical form or does not make a valid record. */
    static UsageRecord decode(byte[] line, int offset, int length) {
        try {
            return new CanonicalLineDecoder(line, offset, length).record();
        } catch (NotCanonical | IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private UsageRecord record() {
        literal("{\"v\":1,\"kind\":");
        RecordKind kind = KIND_VALUES[choice(KINDS)];
        String requestId = text(",\"request_id\":");
        String tenantId = text(",\"tenant_id\":");
        String provider = text(",\"provider\":");
        String route = text(",\"route\":");
        String model = text(",\"model\":");
        literal(",\"stream\":");
        boolean stream = bool();
        Instant createdAt = instant(",\"created_at\":");
        Instant completedAt = instant(",\"completed_at\":");
        literal(",\"status\":");
        UsageStatus status = STATUS_VALUES[choice(STATUSES)];
        int httpStatus = (int) number(",\"http_status\":", 3);
        TokenUsage usage = new TokenUsage(
                number(",\"input_tokens\":", 18),
                number(",\"cached_input_tokens\":", 18),
                number(",\"cache_write_5m_tokens\":", 18),
                number(",\"cache_write_1h_tokens\":", 18),
                number(",\"output_tokens\":", 18),
                number(",\"reasoning_tokens\":", 18));
        BigDecimal amount = decimal(",\"cost_usd\":");
        literal(",\"cost_status\":");
        CostStatus costStatus = COST_STATUS_VALUES[choice(COST_STATUSES)];
        Cost cost = new Cost(amount, costStatus, text(",\"price_version\":"));
        long latency = number(",\"upstream_latency_us\":", 18);
        String errorCode = text(",\"error_code\":");
        ServiceTier tier = ServiceTier.STANDARD;
        if (pos < end && b[pos] != '}') {
            String tierName = text(",\"service_tier\":");
            literal(",\"batch\":");
            boolean batch = bool();
            tier = tierName == null && !batch ? ServiceTier.STANDARD : new ServiceTier(tierName, batch);
        }
        literal("}");
        if (pos != end) {
            throw NotCanonical.INSTANCE;
        }
        return new UsageRecord(
                kind,
                requestId,
                tenantId,
                provider,
                route,
                model,
                stream,
                createdAt,
                completedAt,
                status,
                httpStatus,
                usage,
                cost,
                latency,
                errorCode,
                tier);
    }

    /** Skips {@code expected} (ASCII), which must come next. */
    private void literal(String expected) {
        int n = expected.length();
        if (end - pos < n) {
            throw NotCanonical.INSTANCE;
        }
        for (int i = 0; i < n; i++) {
            if (b[pos + i] != expected.charAt(i)) {
                throw NotCanonical.INSTANCE;
            }
        }
        pos += n;
    }

    private boolean nullNext() {
        if (end - pos >= 4 && b[pos] == 'n' && b[pos + 1] == 'u' && b[pos + 2] == 'l' && b[pos + 3] == 'l') {
            pos += 4;
            return true;
        }
        return false;
    }

    /** A quoted string of printable ASCII other than quote and backslash, or null; returns its end, quote excluded. */
    private int quoted() {
        if (pos >= end || b[pos] != '"') {
            throw NotCanonical.INSTANCE;
        }
        int i = ++pos;
        while (i < end && b[i] != '"') {
            byte c = b[i];
            if (c < 0x20 || c == '\\' || c > 0x7E) {
                throw NotCanonical.INSTANCE;
            }
            i++;
        }
        if (i >= end) {
            throw NotCanonical.INSTANCE;
        }
        return i;
    }

    private String text(String key) {
        literal(key);
        if (nullNext()) {
            return null;
        }
        int close = quoted();
        String value = new String(b, pos, close - pos, StandardCharsets.ISO_8859_1);
        pos = close + 1;
        return value;
    }

    /** Index of the quoted wire name that comes next. */
    private int choice(byte[][] names) {
        int close = quoted();
        for (int k = 0; k < names.length; k++) {
            if (equalsRange(names[k], pos, close)) {
                pos = close + 1;
                return k;
            }
        }
        throw NotCanonical.INSTANCE;
    }

    private boolean equalsRange(byte[] name, int from, int to) {
        if (name.length != to - from) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (b[from + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean bool() {
        if (end - pos >= 4 && b[pos] == 't' && b[pos + 1] == 'r' && b[pos + 2] == 'u' && b[pos + 3] == 'e') {
            pos += 4;
            return true;
        }
        literal("false");
        return false;
    }

    /** A non-negative integer of at most {@code maxDigits} digits and no leading zero. */
    private long number(String key, int maxDigits) {
        literal(key);
        int start = pos;
        long value = 0;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            value = value * 10 + (b[pos] - '0');
            pos++;
        }
        int digits = pos - start;
        if (digits == 0 || digits > maxDigits || (digits > 1 && b[start] == '0')) {
            throw NotCanonical.INSTANCE;
        }
        return value;
    }

    /** Plain digits with at most one inner decimal point, at most 18 digits, as {@code toPlainString} writes. */
    private BigDecimal decimal(String key) {
        literal(key);
        if (nullNext()) {
            return null;
        }
        int close = quoted();
        long unscaled = 0;
        int digits = 0;
        int point = -1;
        for (int i = pos; i < close; i++) {
            byte c = b[i];
            if (c == '.' && point < 0 && i > pos && i < close - 1) {
                point = i;
            } else if (c >= '0' && c <= '9' && ++digits <= 18) {
                unscaled = unscaled * 10 + (c - '0');
            } else {
                throw NotCanonical.INSTANCE;
            }
        }
        int scale = point < 0 ? 0 : close - point - 1;
        pos = close + 1;
        return BigDecimal.valueOf(unscaled, scale);
    }

    private Instant instant(String key) {
        literal(key);
        if (nullNext()) {
            return null;
        }
        int close = quoted();
        Instant at = CanonicalInstant.parse(b, pos, close);
        if (at == null) {
            throw NotCanonical.INSTANCE;
        }
        pos = close + 1;
        return at;
    }

    /** Wire names in ordinal order, so that a name's index is its constant's ordinal. */
    private static byte[][] wireNames(Stream<String> names) {
        return names.map(name -> name.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    }

    /** Control flow only: the line is left to the general parser. */
    private static final class NotCanonical extends RuntimeException {
        static final NotCanonical INSTANCE = new NotCanonical();

        private NotCanonical() {
            super(null, null, false, false);
        }
    }
}
