package dev.budgetguard.ingest.tenant;

/** No live tenant has this id. */
public final class TenantNotFoundException extends RuntimeException {

    private final TenantId tenantId;

    TenantNotFoundException(TenantId tenantId) {
        super("tenant " + tenantId + " does not exist");
        this.tenantId = tenantId;
    }

    public TenantId tenantId() {
        return tenantId;
    }
}
