package dev.budgetguard.ingest.proxy.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * What tells a repeat of a request from another request under the same {@code Idempotency-Key}: SHA-256 over the
 * endpoint's route, the exact request path and query, and the body, each length-prefixed so no two different requests
 * can run together into the same input. A collision-resistant hash, because whoever sends a second request under a
 * key could otherwise craft one that replays the first request's answer.
 */
public final class RequestFingerprint {

    private final byte[] sha256;

    private RequestFingerprint(byte[] sha256) {
        this.sha256 = sha256;
    }

    /**
     * @param route the endpoint's route, e.g. {@code /v1/chat/completions}
     * @param target the request's path and query as sent, e.g. {@code /v1beta/models/gemini-2.5-pro:generateContent}
     */
    public static RequestFingerprint of(String route, String target, byte[] body) {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
        MessageDigest digest = sha256();
        field(digest, route.getBytes(StandardCharsets.UTF_8));
        field(digest, target.getBytes(StandardCharsets.UTF_8));
        field(digest, body);
        return new RequestFingerprint(digest.digest());
    }

    private static void field(MessageDigest digest, byte[] bytes) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestFingerprint that && MessageDigest.isEqual(sha256, that.sha256);
    }

    @Override
    public int hashCode() {
        return ((sha256[0] & 0xFF) << 24) | ((sha256[1] & 0xFF) << 16) | ((sha256[2] & 0xFF) << 8) | (sha256[3] & 0xFF);
    }

    /** The hash's first eight bytes in hex: enough to tell fingerprints apart in a test, never the request. */
    @Override
    public String toString() {
        StringBuilder hex = new StringBuilder("sha256:");
        for (int i = 0; i < 8; i++) {
            hex.append(String.format("%02x", sha256[i]));
        }
        return hex.toString();
    }
}
