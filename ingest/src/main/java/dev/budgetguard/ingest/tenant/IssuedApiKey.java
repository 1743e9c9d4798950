package dev.budgetguard.ingest.tenant;

import java.util.Objects;

/** A freshly issued key together with its secret: the one moment the secret exists outside the caller's hands. */
public record IssuedApiKey(ApiKey apiKey, String secret) {
    public IssuedApiKey {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "IssuedApiKey[apiKey=" + apiKey + ", secret=<redacted>]";
    }
}
