package dev.budgetguard.ingest.tenant;

/** The tenant has no key with this id. */
public final class ApiKeyNotFoundException extends RuntimeException {

    ApiKeyNotFoundException(TenantId tenantId, String keyId) {
        super("tenant " + tenantId + " has no api key " + keyId);
    }
}
