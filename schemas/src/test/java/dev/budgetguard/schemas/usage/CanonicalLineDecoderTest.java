package dev.budgetguard.schemas.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalLineDecoderTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:15:30.123456Z");
    private static final String[] STATUSES = {"ok", "usage_missing", "upstream_error", "client_aborted"};

    @Test
    void decodesWhatTheCodecWritesExactlyAsTheGeneralParserDoes() {
        // given records of every kind, with and without optional fields, across many instants
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            UsageRecord record = randomRecord(random);
            byte[] line = UsageRecordCodec.encode(record);

            // when
            UsageRecord fast = CanonicalLineDecoder.decode(line, 0, line.length);

            // then the byte path took it, and agrees with the general parser and the original
            assertThat(fast).isNotNull().isEqualTo(record);
            assertThat(UsageRecordCodec.decodeGeneral(line, 0, line.length)).isEqualTo(fast);
            assertThat(fast.cost().amountUsd()).isEqualTo(record.cost().amountUsd());
        }
    }

    @Test
    void readsInstantsAsInstantParseDoes() {
        // given instants from 1583 to 9999, whole seconds and every fraction length Instant.toString writes
        SplittableRandom random = new SplittableRandom(11);
        long from = Instant.parse("1583-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 50_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), nanos);
            byte[] text = instant.toString().getBytes(StandardCharsets.US_ASCII);

            // when / then
            assertThat(CanonicalInstant.parse(text, 0, text.length)).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-29T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-12-01T24:00:00Z",
                "2016-12-31T23:59:60Z",
                "2026-12-01T10:15:30.Z",
                "2026-12-01T10:15:30.1234567890Z",
                "2026-12-01t10:15:30Z",
                "2026-12-01T10:15:30+01:00",
                "+10000-01-01T00:00:00Z"
            })
    void leavesOtherInstantTextToInstantParse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);

        assertThat(CanonicalInstant.parse(bytes, 0, bytes.length)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"v\":1, \"kind\"", // whitespace
                "\"tenant_id\":\"acme\"|\"tenant_id\":\"ac\\u006de\"", // an escape
                "\"tenant_id\":\"acme\"|\"tenant_id\":\"acmé\"", // non-ASCII
                "\"input_tokens\":1200|\"input_tokens\":01200", // a leading zero
                "\"input_tokens\":1200|\"input_tokens\":1200.0",
                "\"cost_usd\":\"0.006000\"|\"cost_usd\":\"6E-3\"",
                "\"cost_usd\":\"0.006000\"|\"cost_usd\":\".006\"",
                "\"stream\":true|\"stream\":\"true\"",
                "\"v\":1|\"v\":2",
                "\"status\":\"ok\"|\"status\":\"fine\"",
                "\"cached_input_tokens\":0|\"cached_input_tokens\":5000", // more cached than input: invalid record
                "}\n|} \n",
                "}\n|}{}\n",
                "{\"v\":1,|{\"v\":1,\"extra\":0,",
                "\"batch\":false|\"batch\":0",
                "\"service_tier\":null|\"service_tier\":\"fl ex\"" // not a tier name: invalid record
            })
    void leavesEveryOtherLineToTheGeneralParser(String edit) {
        // given a canonical line, changed in one place
        String line = new String(UsageRecordCodec.encode(completion()), StandardCharsets.UTF_8);
        String changed = edit.contains("|")
                ? line.replace(edit.substring(0, edit.indexOf('|')), edit.substring(edit.indexOf('|') + 1))
                : line.replace("{\"v\":1,\"kind\"", edit);
        assertThat(changed).isNotEqualTo(line);
        byte[] bytes = changed.getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThat(CanonicalLineDecoder.decode(bytes, 0, bytes.length)).isNull();
    }

    @Test
    void acceptsALineWithoutItsNewline() {
        byte[] line = UsageRecordCodec.encode(completion());

        assertThat(CanonicalLineDecoder.decode(line, 0, line.length - 1)).isEqualTo(completion());
    }

    @Test
    void readsALineWrittenBeforeTheServiceTierFieldsAsTheStandardTier() {
        // given a line as the codec wrote it before service_tier and batch existed
        String line = new String(UsageRecordCodec.encode(completion()), StandardCharsets.UTF_8)
                .replace(",\"service_tier\":null,\"batch\":false}", "}");
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);

        // when
        UsageRecord old = CanonicalLineDecoder.decode(bytes, 0, bytes.length);

        // then the byte path still takes it
        assertThat(line).doesNotContain("batch");
        assertThat(old).isEqualTo(completion());
        assertThat(old.serviceTier()).isEqualTo(ServiceTier.STANDARD);
    }

    private static UsageRecord completion() {
        return UsageRecord.admission("req-1", "acme", "openai", "/v1/chat/completions", "gpt-4o", true, AT)
                .complete(
                        AT.plusMillis(840),
                        UsageStatus.OK,
                        200,
                        new TokenUsage(1200, 0, 0, 0, 300, 0),
                        Cost.priced(new BigDecimal("0.006000"), "gpt-4o@2024-05-13"),
                        839_000,
                        null);
    }

    private static UsageRecord randomRecord(SplittableRandom random) {
        Instant at = Instant.ofEpochSecond(random.nextLong(0, 8_000_000_000L), random.nextInt(1_000_000) * 1000L);
        String id = Long.toHexString(random.nextLong());
        boolean stream = random.nextBoolean();
        String model = random.nextInt(10) == 0 ? "ft:gpt-4o-mini:acme" : "gpt-4o-2024-08-06";
        int kind = random.nextInt(4);
        if (kind == 0) {
            return UsageRecord.refusal(id, "acme", "openai", "/v1/chat/completions", null, stream, at, 401, "bad_key");
        }
        UsageRecord admission = UsageRecord.admission(id, "tenant-" + kind, "openai", "/v1/x", model, stream, at);
        if (kind == 1) {
            return admission;
        }
        long input = random.nextLong(0, 1L << 40);
        long output = random.nextLong(0, 100_000);
        TokenUsage usage = new TokenUsage(input, input / 3, input / 5, input / 7, output, output / 2);
        Cost cost = switch (random.nextInt(3)) {
            case 0 -> Cost.unpriced();
            case 1 -> Cost.NONE;
            default -> Cost.priced(BigDecimal.valueOf(random.nextLong(0, 1L << 50), random.nextInt(13)), "p@1");
        };
        String error = random.nextBoolean() ? null : "upstream_timeout";
        ServiceTier tier = switch (random.nextInt(3)) {
            case 0 -> ServiceTier.STANDARD;
            case 1 -> new ServiceTier("flex", false);
            default -> new ServiceTier(random.nextBoolean() ? "batch" : null, true);
        };
        return admission.complete(
                at.plusNanos(random.nextLong(0, 1L << 40)),
                UsageStatus.fromWire(STATUSES[random.nextInt(STATUSES.length)]),
                random.nextInt(600),
                usage,
                cost,
                random.nextLong(0, 1L << 40),
                error,
                tier);
    }
}
