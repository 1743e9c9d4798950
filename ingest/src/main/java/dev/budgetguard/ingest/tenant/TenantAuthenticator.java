package dev.budgetguard.ingest.tenant;

import java.util.Optional;

/**
 * Checks a caller's {@code X-Tenant-Id} and {@code X-API-Key} on the proxy's hot path: from memory, in constant time
 * with respect to the key, without a database call.
 */
public interface TenantAuthenticator {

    /** The tenant and key that the credentials prove, or empty when either is unknown, revoked or wrong. */
    Optional<AuthenticatedTenant> authenticate(String tenantId, String apiKey);
}
