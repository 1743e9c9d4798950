package dev.budgetguard.schemas.spool;

import dev.budgetguard.schemas.usage.UsageRecord;

/**
 * Told of every record the spool has written, with the segment it landed in, so the collector can keep per-segment
 * figures that a later watermark (which names segments) can take back out.
 *
 * <p>Called on the spool's writer thread, once the record's batch is written (and forced, when the policy asks for it)
 * and before the record's append future completes. It must be cheap and must not block: every append waits behind it.
 * An exception it throws is counted as a listener failure and otherwise ignored, because the record is already written.
 */
@FunctionalInterface
public interface AppendListener {

    void appended(UsageRecord record, SegmentId segment);
}
