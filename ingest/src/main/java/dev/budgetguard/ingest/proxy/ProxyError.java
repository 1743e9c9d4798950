package dev.budgetguard.ingest.proxy;

import java.util.Objects;

/**
 * An answer the proxy gives on its own behalf, before a provider's shape is put on it.
 *
 * @param status HTTP status
 * @param type the error's class, e.g. {@code invalid_request_error}, {@code budget_exceeded}
 * @param param the request field at fault, or {@code null}
 * @param code machine-readable code, also written as the spool record's error code
 * @param message for people; never quotes the request or an exception
 */
public record ProxyError(int status, String type, String param, String code, String message) {

    public ProxyError {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status: must be a 4xx or 5xx, was " + status);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** {@code text} as a JSON string literal, quotes included. */
    public static String jsonString(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
