package dev.budgetguard.schemas.pricing;

import java.util.Locale;
import java.util.regex.Pattern;

/** Maps the model ids clients and providers use (dated snapshots such as {@code gpt-4o-2024-08-06}) to priced ids. */
public final class ModelIds {

    private static final Pattern DATED_SUFFIX = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{8})$");

    private ModelIds() {}

    public static String canonical(String model) {
        String id = model.trim().toLowerCase(Locale.ROOT);
        return DATED_SUFFIX.matcher(id).replaceFirst("");
    }
}
