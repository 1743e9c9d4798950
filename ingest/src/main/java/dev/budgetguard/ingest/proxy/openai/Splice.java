package dev.budgetguard.ingest.proxy.openai;

import java.nio.charset.StandardCharsets;

/** One byte-level edit of a body: {@code removed} bytes at {@code at} replaced by {@code inserted}. */
record Splice(int at, int removed, byte[] inserted) {

    static Splice insert(int at, String text) {
        return new Splice(at, 0, text.getBytes(StandardCharsets.UTF_8));
    }

    static Splice replace(int at, int removed, String text) {
        return new Splice(at, removed, text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] applyTo(byte[] body) {
        byte[] out = new byte[body.length - removed + inserted.length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(body, at + removed, out, at + inserted.length, body.length - at - removed);
        return out;
    }
}
