package dev.budgetguard.ingest.audit;

import java.util.Objects;

/**
 * One admin action to record: {@code action} such as {@code create_tenant}, the target's type ({@code tenant},
 * {@code api_key}, {@code budget}, {@code price}) and id, and a short detail of what changed (ids and settings only).
 */
public record AuditEvent(Actor actor, String action, String targetType, String targetId, String detail) {

    static final int MAX_DETAIL_LENGTH = 1000;

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        requireText(action, "action", 64);
        requireText(targetType, "targetType", 32);
        requireText(targetId, "targetId", 200);
        if (detail != null && detail.length() > MAX_DETAIL_LENGTH) {
            detail = detail.substring(0, MAX_DETAIL_LENGTH - 3) + "...";
        }
    }

    private static void requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(field + ": must be 1-" + maxLength + " characters, was " + value);
        }
    }
}
