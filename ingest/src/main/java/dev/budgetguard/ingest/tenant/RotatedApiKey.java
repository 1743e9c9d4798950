package dev.budgetguard.ingest.tenant;

import java.util.Objects;

/** The outcome of a rotation: the new key (with its secret, shown once) and the old key with its expiry set. */
public record RotatedApiKey(IssuedApiKey successor, ApiKey replaced) {
    public RotatedApiKey {
        Objects.requireNonNull(successor, "successor");
        Objects.requireNonNull(replaced, "replaced");
    }
}
