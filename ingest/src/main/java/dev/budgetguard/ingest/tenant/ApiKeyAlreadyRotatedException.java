package dev.budgetguard.ingest.tenant;

/** The key was already rotated and is in its grace period; rotate its successor instead. */
public final class ApiKeyAlreadyRotatedException extends RuntimeException {

    ApiKeyAlreadyRotatedException(TenantId tenantId, String keyId) {
        super("api key " + keyId + " of tenant " + tenantId + " was already rotated");
    }
}
