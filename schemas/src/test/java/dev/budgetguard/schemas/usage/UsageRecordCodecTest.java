package dev.budgetguard.schemas.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UsageRecordCodecTest {

    private static final Instant ADMITTED = Instant.parse("2026-12-01T10:15:30.123456789Z");

    @Test
    void completionRoundTripsExactly() {
        // given
        UsageRecord admission =
                UsageRecord.admission("req-1", "acme", "openai", "/v1/chat/completions", "gpt-4o", true, ADMITTED);
        UsageRecord completion = admission.complete(
                ADMITTED.plusMillis(840),
                UsageStatus.OK,
                200,
                new TokenUsage(1200, 200, 0, 0, 300, 50),
                Cost.priced(new BigDecimal("0.005750"), "gpt-4o@2024-05-13"),
                839_000,
                null);

        // when
        UsageRecord back =
                UsageRecordCodec.decode(new String(UsageRecordCodec.encode(completion), StandardCharsets.UTF_8));

        // then
        assertThat(back).isEqualTo(completion);
        assertThat(back.createdAt()).isEqualTo(Instant.parse("2026-12-01T10:15:30.123456Z"));
        assertThat(back.cost().amountUsd()).isEqualByComparingTo("0.00575");
    }

    @Test
    void encodesOneLineWithMoneyAsAString() {
        UsageRecord refusal = UsageRecord.refusal(
                "req-2",
                "we\"ird\ntenant",
                "openai",
                "/v1/chat/completions",
                null,
                false,
                ADMITTED,
                401,
                "invalid_api_key");

        String line = new String(UsageRecordCodec.encode(refusal), StandardCharsets.UTF_8);

        assertThat(line).endsWith("}\n").doesNotContain("\n{").contains("\"cost_usd\":\"0\"");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        assertThat(UsageRecordCodec.decode(line)).isEqualTo(refusal);
    }

    @Test
    void admissionCarriesItsEstimateExactly() {
        // given an admission holding a worst-case estimate of $0.400000012345
        UsageRecord admission = UsageRecord.admission(
                "r",
                "t",
                "openai",
                "/v1/chat/completions",
                "gpt-4o",
                false,
                ADMITTED,
                Cost.estimated(new BigDecimal("0.400000012345"), "gpt-4o@2024-05-13"));

        // when
        String line = new String(UsageRecordCodec.encode(admission), StandardCharsets.UTF_8);
        UsageRecord decoded = UsageRecordCodec.decode(line);

        // then
        assertThat(line).contains("\"cost_usd\":\"0.400000012345\"").contains("\"cost_status\":\"estimated\"");
        assertThat(decoded).isEqualTo(admission);
        assertThat(decoded.cost().amountUsd()).isEqualByComparingTo("0.400000012345");
        assertThat(decoded.cost().status()).isEqualTo(CostStatus.ESTIMATED);
    }

    @Test
    void anAdmissionCannotCarryAPricedCost() {
        assertThatThrownBy(() -> UsageRecord.admission(
                        "r",
                        "t",
                        "openai",
                        "/v1/x",
                        "gpt-4o",
                        false,
                        ADMITTED,
                        Cost.priced(BigDecimal.ONE, "gpt-4o@2024-05-13")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("admission");
    }

    @Test
    void unpricedCostHasNoAmount() {
        UsageRecord completion = UsageRecord.admission(
                        "r", "t", "openai", "/v1/chat/completions", "mystery", false, ADMITTED)
                .complete(ADMITTED, UsageStatus.OK, 200, TokenUsage.of(5, 5), Cost.unpriced(), 10, null);

        String line = new String(UsageRecordCodec.encode(completion), StandardCharsets.UTF_8);

        assertThat(line).contains("\"cost_usd\":null").contains("\"cost_status\":\"unpriced\"");
        assertThat(UsageRecordCodec.decode(line).cost().isKnown()).isFalse();
    }

    @Test
    void serviceTierAndBatchFlagRoundTrip() {
        // given an Anthropic batch completion
        UsageRecord completion = UsageRecord.admission(
                        "r", "t", "anthropic", "/v1/messages", "claude-sonnet-4-5", false, ADMITTED)
                .complete(
                        ADMITTED,
                        UsageStatus.OK,
                        200,
                        TokenUsage.of(5, 5),
                        Cost.priced(new BigDecimal("0.000045"), "claude-sonnet-4-5@2025-09-29"),
                        10,
                        null,
                        new ServiceTier("batch", true));

        // when
        String line = new String(UsageRecordCodec.encode(completion), StandardCharsets.UTF_8);

        // then
        assertThat(line).endsWith(",\"service_tier\":\"batch\",\"batch\":true}\n");
        assertThat(UsageRecordCodec.decode(line)).isEqualTo(completion);
        assertThat(UsageRecordCodec.decodeGeneral(line.getBytes(StandardCharsets.UTF_8), 0, line.length()))
                .isEqualTo(completion);
    }

    @Test
    void aLineWithoutTheServiceTierFieldsReadsAsTheStandardTier() {
        // given a line from before the fields existed, in a non-canonical spacing so the general parser reads it
        String line = new String(
                        UsageRecordCodec.encode(
                                UsageRecord.admission("r", "t", "openai", "/v1/x", "gpt-4o", false, ADMITTED)),
                        StandardCharsets.UTF_8)
                .replace(",\"service_tier\":null,\"batch\":false}", "}")
                .replace("{\"v\":1,", "{\"v\": 1,");

        // when
        UsageRecord old = UsageRecordCodec.decode(line);

        // then
        assertThat(old.serviceTier()).isEqualTo(ServiceTier.STANDARD);
        assertThat(old.requestId()).isEqualTo("r");
    }

    @Test
    void tornLineIsAFormatError() {
        String line = new String(
                UsageRecordCodec.encode(UsageRecord.admission("r", "t", "openai", "/v1/x", "gpt-4o", false, ADMITTED)),
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> UsageRecordCodec.decode(line.substring(0, line.length() / 2)))
                .isInstanceOf(UsageRecordFormatException.class);
    }

    @Test
    void ignoresFieldsFromNewerWriters() {
        String line = new String(
                        UsageRecordCodec.encode(
                                UsageRecord.admission("r", "t", "openai", "/v1/x", "gpt-4o", false, ADMITTED)),
                        StandardCharsets.UTF_8)
                .replace("{\"v\":1,", "{\"v\":1,\"extra\":{\"a\":[1,2]},");

        assertThat(UsageRecordCodec.decode(line).requestId()).isEqualTo("r");
    }
}
