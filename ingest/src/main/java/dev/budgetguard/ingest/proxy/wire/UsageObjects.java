package dev.budgetguard.ingest.proxy.wire;

import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** Runs one provider's usage reader over a slice of bytes, turning every way it can fail into "no usage". */
public final class UsageObjects {

    private static final JsonFactory JSON = new JsonFactory();

    private UsageObjects() {}

    /** The JSON string whose opening quote is at {@code at} (before {@code to}), or {@code null}. */
    public static String stringAt(byte[] b, int at, int to) {
        if (at < 0 || b[at] != '"') {
            return null;
        }
        return read(b, at, to, p -> p.nextToken() == JsonToken.VALUE_STRING ? p.getString() : null, () -> {});
    }

    /**
     * The reader's result over {@code [at, to)}; {@code null} when the JSON or the counts are invalid, and also when
     * a count is implausible, which {@code onImplausible} is told.
     */
    public static <T> T read(byte[] b, int at, int to, Function<JsonParser, T> reader, Runnable onImplausible) {
        if (at < 0) {
            return null;
        }
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), b, at, to - at)) {
            return reader.apply(p);
        } catch (ImplausibleCountException e) {
            onImplausible.run();
            return null;
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }
}
