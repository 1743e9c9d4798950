package dev.budgetguard.schemas.spool;

import dev.budgetguard.schemas.usage.Cost;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.math.BigDecimal;
import java.time.Instant;

/** Realistic records for spool tests. */
final class SampleRecords {

    static final Instant AT = Instant.parse("2026-12-01T10:15:30.123456Z");

    private SampleRecords() {}

    static UsageRecord admission(String requestId) {
        return UsageRecord.admission(requestId, "acme", "openai", "/v1/chat/completions", "gpt-4o", true, AT);
    }

    static UsageRecord completion(String requestId) {
        return admission(requestId)
                .complete(
                        AT.plusMillis(840),
                        UsageStatus.OK,
                        200,
                        new TokenUsage(1200, 200, 0, 0, 300, 50),
                        Cost.priced(new BigDecimal("0.005750"), "gpt-4o@2024-05-13"),
                        839_000,
                        null);
    }

    static UsageRecord refusal(String requestId) {
        return UsageRecord.refusal(
                requestId, "nobody", "openai", "/v1/chat/completions", null, false, AT, 401, "invalid_api_key");
    }
}
