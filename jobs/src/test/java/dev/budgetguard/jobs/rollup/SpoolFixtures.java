package dev.budgetguard.jobs.rollup;

import dev.budgetguard.schemas.spool.SegmentId;
import dev.budgetguard.schemas.spool.SpoolLayout;
import dev.budgetguard.schemas.usage.Cost;
import dev.budgetguard.schemas.usage.ServiceTier;
import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageRecord;
import dev.budgetguard.schemas.usage.UsageRecordCodec;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Usage records and sealed segment files with known values, shared by the rollup tests. */
final class SpoolFixtures {

    static final String PRICE = "gpt-4o@2024-05-13";

    private SpoolFixtures() {}

    static UsageRecord admission(String requestId, Instant at) {
        return UsageRecord.admission(requestId, "acme", "openai", "/v1/chat/completions", "gpt-4o", false, at);
    }

    static UsageRecord completion(String requestId, Instant admittedAt, long input, long output, String costUsd) {
        return admission(requestId, admittedAt)
                .complete(
                        admittedAt.plus(Duration.ofSeconds(2)),
                        UsageStatus.OK,
                        200,
                        TokenUsage.of(input, output),
                        Cost.priced(new BigDecimal(costUsd), PRICE),
                        1_500_000,
                        null);
    }

    /** A completion billed as a batch call at the provider's {@code batch} service tier. */
    static UsageRecord batchCompletion(String requestId, Instant admittedAt, long input, long output, String costUsd) {
        return admission(requestId, admittedAt)
                .complete(
                        admittedAt.plus(Duration.ofSeconds(2)),
                        UsageStatus.OK,
                        200,
                        TokenUsage.of(input, output),
                        Cost.priced(new BigDecimal(costUsd), PRICE),
                        1_500_000,
                        null,
                        new ServiceTier("batch", true));
    }

    static UsageRecord refusal(String requestId, Instant at) {
        return UsageRecord.refusal(
                requestId, "acme", "openai", "/v1/chat/completions", "gpt-4o", false, at, 429, "budget_exceeded");
    }

    /** Writes a sealed segment whose lines are the encoded records, or raw text for a {@code String} entry. */
    static Path writeSealed(Path spoolDir, SegmentId segment, Object... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object line : lines) {
            byte[] bytes = line instanceof UsageRecord r
                    ? UsageRecordCodec.encode(r)
                    : ((String) line).getBytes(StandardCharsets.UTF_8);
            out.writeBytes(bytes);
        }
        Path file = new SpoolLayout(spoolDir).sealed(segment);
        try {
            Files.createDirectories(spoolDir);
            Files.write(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static SegmentRecords segment(SegmentId segment, UsageRecord... records) {
        List<SegmentRecords.Line> lines = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            lines.add(new SegmentRecords.Line(i + 1, records[i]));
        }
        return new SegmentRecords(segment, Path.of(segment + ".ndjson"), lines, List.of());
    }
}
