package dev.budgetguard.schemas.pricing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The list prices shipped with BudgetGuard ({@code bundled-prices.csv}), dated, in USD per 1M tokens. */
public final class BundledPrices {

    static final String RESOURCE = "/dev/budgetguard/schemas/bundled-prices.csv";
    private static final int FIELDS = 17;

    private BundledPrices() {}

    public static InMemoryPriceBook priceBook() {
        return new InMemoryPriceBook(load());
    }

    public static List<ModelPrice> load() {
        try (InputStream in = BundledPrices.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ModelPrice> parse(BufferedReader reader) throws IOException {
        List<ModelPrice> prices = new ArrayList<>();
        String header = reader.readLine();
        if (header == null || !header.startsWith("model,provider,effective_from")) {
            throw new IllegalStateException(RESOURCE + " has an unexpected header: " + header);
        }
        int lineNo = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != FIELDS) {
                throw new IllegalStateException(
                        RESOURCE + " line " + lineNo + ": expected " + FIELDS + " fields, got " + f.length);
            }
            try {
                prices.add(price(f));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(RESOURCE + " line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return prices;
    }

    private static ModelPrice price(String[] f) {
        return new ModelPrice(
                f[0],
                f[1],
                LocalDate.parse(f[2]),
                f[3].isEmpty() ? null : LocalDate.parse(f[3]),
                rates(f, 4),
                Long.parseLong(f[9]),
                f[10].isEmpty() ? null : new LongContextTier(Long.parseLong(f[10]), rates(f, 11)),
                decimal(f[16]));
    }

    private static TokenRates rates(String[] f, int from) {
        return new TokenRates(
                decimal(f[from]),
                decimal(f[from + 1]),
                decimal(f[from + 2]),
                decimal(f[from + 3]),
                decimal(f[from + 4]));
    }

    private static BigDecimal decimal(String field) {
        return field.isEmpty() ? null : new BigDecimal(field);
    }
}
