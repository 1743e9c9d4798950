package dev.budgetguard.jobs.demo;

import dev.budgetguard.schemas.usage.TokenUsage;
import dev.budgetguard.schemas.usage.UsageStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** Reads the sample traffic file; a line that does not parse stops the demo with its line number. */
final class SampleTraffic {

    private static final JsonFactory JSON = new JsonFactory();

    private SampleTraffic() {}

    static List<SampleLine> read(Path file) throws IOException {
        List<SampleLine> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (!text.isBlank()) {
                    lines.add(parse(file, number, text));
                }
            }
        }
        return lines;
    }

    private static SampleLine parse(Path file, long number, String text) {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), text)) {
            Map<String, Object> f = fields(p);
            return new SampleLine(
                    number,
                    Instant.parse((String) f.get("ts")),
                    (String) f.get("tenant"),
                    (String) f.get("route"),
                    (String) f.get("model"),
                    Boolean.TRUE.equals(f.get("stream")),
                    UsageStatus.fromWire((String) f.get("outcome")),
                    (int) number(f, "http_status"),
                    (String) f.get("error_code"),
                    new TokenUsage(
                            number(f, "input_tokens"),
                            number(f, "cached_input_tokens"),
                            0,
                            0,
                            number(f, "output_tokens"),
                            number(f, "reasoning_tokens")),
                    Duration.ofMillis(number(f, "latency_ms")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> fields(JsonParser p) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Map<String, Object> fields = new HashMap<>();
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken token = p.nextToken();
            Object value = switch (token) {
                case VALUE_STRING -> p.getString();
                case VALUE_NUMBER_INT -> p.getLongValue();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> throw new IllegalArgumentException("unexpected value for " + name);
            };
            fields.put(name, value);
        }
        return fields;
    }

    private static long number(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (!(value instanceof Long n)) {
            throw new IllegalArgumentException(name + " must be an integer");
        }
        return n;
    }
}
