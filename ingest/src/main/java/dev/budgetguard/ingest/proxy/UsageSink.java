package dev.budgetguard.ingest.proxy;

/** Where a stream's usage goes as it is read; a later report replaces an earlier one. */
public interface UsageSink {

    void reported(ReportedUsage usage);

    /** A usage report was discarded as implausible. */
    void implausible();
}
