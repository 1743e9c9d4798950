package dev.budgetguard.schemas.usage;

/**
 * The service class a request ran in, as the provider reported it: OpenAI's {@code service_tier} ({@code default},
 * {@code flex}, {@code priority}, {@code scale}), Anthropic's {@code usage.service_tier} ({@code standard},
 * {@code priority}, {@code batch}), and whether the call was a batch call, which the price book discounts.
 *
 * @param name the tier in the provider's spelling, {@code null} when the provider reported none
 * @param batch whether the request was billed as part of a batch (priced with the model's batch discount)
 */
public record ServiceTier(String name, boolean batch) {

    /** Longest tier name kept; real ones are a word. */
    public static final int MAX_NAME_LENGTH = 64;

    /** Nothing reported, not a batch call: standard prices. */
    public static final ServiceTier STANDARD = new ServiceTier(null, false);

    public ServiceTier {
        if (name != null && !isWellFormed(name)) {
            throw new IllegalArgumentException("service_tier must be 1 to " + MAX_NAME_LENGTH
                    + " characters of letters, digits, '.', '_' or '-', was '" + name + "'");
        }
    }

    /** A tier as reported: an implausible name (not a short word) is dropped rather than recorded. */
    public static ServiceTier reported(String name, boolean batch) {
        String kept = name != null && isWellFormed(name) ? name : null;
        return kept == null && !batch ? STANDARD : new ServiceTier(kept, batch);
    }

    public static boolean isWellFormed(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
