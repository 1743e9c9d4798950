package dev.budgetguard.ingest.tenant;

import java.security.SecureRandom;
import java.util.Base64;

/** Makes new key secrets: {@code bg_} plus 256 random bits, base64url without padding (46 characters). */
final class ApiKeyMinter {

    static final String SCHEME = "bg_";
    static final int PREFIX_LENGTH = 8;
    private static final int RANDOM_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    String mint() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The part shown to humans so they can tell keys apart; 5 random characters reveal nothing useful. */
    static String displayPrefix(String secret) {
        return secret.substring(0, PREFIX_LENGTH);
    }
}
