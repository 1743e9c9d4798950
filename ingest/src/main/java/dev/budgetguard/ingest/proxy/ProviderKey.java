package dev.budgetguard.ingest.proxy;

/** The server's provider API key. Never printed: {@link #toString()} is redacted, so no log or dump can leak it. */
public record ProviderKey(String value) {

    public ProviderKey {
        value = value == null ? "" : value.trim();
    }

    public boolean isPresent() {
        return !value.isEmpty();
    }

    @Override
    public String toString() {
        return isPresent() ? "ProviderKey[****]" : "ProviderKey[absent]";
    }
}
