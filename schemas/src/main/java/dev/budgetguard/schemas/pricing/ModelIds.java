package dev.budgetguard.schemas.pricing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps the model ids clients, providers and exports use to priced ids: dated snapshots such as
 * {@code gpt-4o-2024-08-06} lose their date, Gemini resource names lose {@code models/}, and the one alias table
 * ({@code model-aliases.csv}: documented aliases and console display names such as {@code Claude Sonnet 4.5}) maps
 * the rest. Metering and reconciliation both resolve through here, so they agree on what a model is. A price book
 * looks up the {@link #exact} id before the canonical one: an exact price always wins.
 */
public final class ModelIds {

    static final String RESOURCE = "/dev/budgetguard/schemas/model-aliases.csv";

    private static final Pattern DATED_SUFFIX = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{8})$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String GEMINI_RESOURCE_PREFIX = "models/";
    private static final Map<String, String> ALIASES = load();

    private ModelIds() {}

    /**
     * The id as written, only tidied (trimmed, lower case, inner spaces as {@code -}, without Gemini's {@code models/}):
     * what a price book looks up first, so that a snapshot priced apart from its family (such as
     * {@code gpt-4o-2024-05-13}) is found before {@link #canonical} strips its date.
     */
    public static String exact(String model) {
        String id = WHITESPACE.matcher(model.trim().toLowerCase(Locale.ROOT)).replaceAll("-");
        return id.startsWith(GEMINI_RESOURCE_PREFIX) ? id.substring(GEMINI_RESOURCE_PREFIX.length()) : id;
    }

    /** The priced id of the family: the alias table's, or the id without its date suffix. */
    public static String canonical(String model) {
        String id = exact(model);
        String aliased = ALIASES.get(id);
        if (aliased != null) {
            return aliased;
        }
        String undated = DATED_SUFFIX.matcher(id).replaceFirst("");
        return ALIASES.getOrDefault(undated, undated);
    }

    /** The explicit alias table, alias to priced id, for reports that list what maps where. */
    public static Map<String, String> aliases() {
        return ALIASES;
    }

    private static Map<String, String> load() {
        try (InputStream in = ModelIds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> aliases = new LinkedHashMap<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 3 || aliases.put(f[0], f[1]) != null) {
                    throw new IllegalStateException(RESOURCE + ": malformed or repeated alias line '" + line + "'");
                }
            }
            return Map.copyOf(aliases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
