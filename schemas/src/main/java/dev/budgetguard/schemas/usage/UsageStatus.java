package dev.budgetguard.schemas.usage;

import java.util.Locale;

/** Outcome of a request as it lands in the ledger. */
public enum UsageStatus {
    /** Admitted; its completion has not been written yet. Only on admission records. */
    ADMITTED,
    /** Upstream answered 2xx and usage was read. */
    OK,
    /** Upstream answered 2xx but reported no usage; cost is estimated. */
    USAGE_MISSING,
    /** Upstream answered non-2xx, could not be reached, or timed out. */
    UPSTREAM_ERROR,
    /** The client went away before the answer was complete. */
    CLIENT_ABORTED,
    /** Refused before forwarding (bad input, bad credentials, caps). Nothing billed. */
    REJECTED,
    /** An admission whose completion never arrived, for example because the collector crashed. */
    INCOMPLETE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UsageStatus fromWire(String value) {
        for (UsageStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status '" + value + "'");
    }
}
