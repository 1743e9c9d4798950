package dev.budgetguard.ingest.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a presented key. One digest per thread, because {@code MessageDigest.getInstance} walks the provider
 * list and this runs on every proxied request, on the event-loop threads.
 */
final class KeyDigest {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(KeyDigest::newSha256);

    private KeyDigest() {}

    static byte[] sha256(String key) {
        // digest() resets the instance, so a digest abandoned half-way can never leak into the next call.
        return SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    static byte[] parseHex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
