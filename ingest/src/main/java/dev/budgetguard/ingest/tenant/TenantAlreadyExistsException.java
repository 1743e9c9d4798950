package dev.budgetguard.ingest.tenant;

/** A tenant with this id already exists; ids are never reused. */
public final class TenantAlreadyExistsException extends RuntimeException {

    private final TenantId tenantId;

    TenantAlreadyExistsException(TenantId tenantId, Throwable cause) {
        super("tenant " + tenantId + " already exists", cause);
        this.tenantId = tenantId;
    }

    public TenantId tenantId() {
        return tenantId;
    }
}
