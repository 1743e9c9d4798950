package dev.budgetguard.ingest.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The configured admin key, held only as its SHA-256 so neither a toString, a heap dump nor a log can reveal it.
 * Comparing digests of equal length with {@link MessageDigest#isEqual} keeps the check constant-time in the key.
 */
public final class AdminApiKey {

    static final int MIN_LENGTH = 16;
    private static final AdminApiKey NOT_CONFIGURED = new AdminApiKey(
            null, "The admin API is disabled: set ADMIN_API_KEY (budgetguard.admin.api-key) to enable it.");
    private static final AdminApiKey TOO_SHORT = new AdminApiKey(
            null,
            "The admin API is disabled: ADMIN_API_KEY (budgetguard.admin.api-key) must be at least " + MIN_LENGTH
                    + " characters; generate one with: openssl rand -hex 32");

    private final byte[] digest;
    private final String disabledReason;

    private AdminApiKey(byte[] digest, String disabledReason) {
        this.digest = digest;
        this.disabledReason = disabledReason;
    }

    /**
     * Binds {@code budgetguard.admin.api-key}. A blank or too short key disables the admin API rather than failing
     * startup, because Boot's binding-failure report would print the rejected value.
     */
    public static AdminApiKey valueOf(String key) {
        if (key == null || key.isBlank()) {
            return NOT_CONFIGURED;
        }
        if (key.length() < MIN_LENGTH) {
            return TOO_SHORT;
        }
        return new AdminApiKey(sha256(key), null);
    }

    public static AdminApiKey notConfigured() {
        return NOT_CONFIGURED;
    }

    boolean configured() {
        return digest != null;
    }

    /** Why the admin API is off, safe to show any caller; null when it is on. */
    String disabledReason() {
        return disabledReason;
    }

    boolean matches(String presented) {
        return digest != null && presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return configured() ? "AdminApiKey[<redacted>]" : "AdminApiKey[unusable]";
    }
}
