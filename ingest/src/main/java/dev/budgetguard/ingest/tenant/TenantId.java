package dev.budgetguard.ingest.tenant;

import java.util.regex.Pattern;

/** A tenant's id, which is also its name: what callers send in {@code X-Tenant-Id} and what admin paths carry. */
public record TenantId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public TenantId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException(
                    "tenant id must be 1-64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /** Whether {@code value} has the shape of a tenant id (which says nothing of whether that tenant exists). */
    public static boolean isWellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
