package dev.budgetguard.schemas.budget;

import dev.budgetguard.schemas.usage.CostStatus;
import dev.budgetguard.schemas.usage.RecordKind;
import dev.budgetguard.schemas.usage.UsageRecord;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one spool record counts against a cap, the one rule the ledger, the collector's spool rebuild and the budget
 * snapshot job share: a completion counts its cost when it is {@code priced} or {@code estimated} (an unpriced or
 * {@code none} cost counts 0), an admission counts its reservation's estimate only when its completion never came, and
 * a refusal counts 0. The spend belongs to the window containing the request's admission time ({@code created_at}).
 */
public final class CapSpend {

    /** The lake's {@code cost_status} values that count, for SQL written against the same rule. */
    public static final String COUNTED_STATUSES_SQL = "('priced', 'estimated')";

    private CapSpend() {}

    /** What a completion counts, or what an admission counts if it stays without a completion; 0 for a refusal. */
    public static BigDecimal of(UsageRecord record) {
        if (record.kind() == RecordKind.REFUSAL) {
            return BigDecimal.ZERO;
        }
        CostStatus status = record.cost().status();
        return status == CostStatus.PRICED || status == CostStatus.ESTIMATED
                ? record.cost().amountUsd()
                : BigDecimal.ZERO;
    }

    /** The instant that picks the budget window: the admission time, which a completion carries too. */
    public static Instant countedAt(UsageRecord record) {
        return record.createdAt();
    }
}
