package dev.budgetguard.ingest.proxy.gemini;

import dev.budgetguard.ingest.proxy.ReportedUsage;
import dev.budgetguard.ingest.proxy.StreamInspector;
import dev.budgetguard.ingest.proxy.UsageSink;

/**
 * A {@code streamGenerateContent?alt=sse} stream: each {@code data:} event is one whole {@code GenerateContentResponse}
 * and may carry {@code usageMetadata}, running totals; the last one reported counts. Every event passes unchanged.
 */
public final class GeminiStreamInspector implements StreamInspector {

    private final UsageSink sink;

    public GeminiStreamInspector(UsageSink sink) {
        this.sink = sink;
    }

    @Override
    public byte[] inspect(byte[] event) {
        ReportedUsage usage = GeminiUsage.ofBody(event, 0, event.length, sink::implausible);
        if (usage != null) {
            sink.reported(usage);
        }
        return event;
    }
}
