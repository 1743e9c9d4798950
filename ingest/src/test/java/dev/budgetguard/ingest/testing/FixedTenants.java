package dev.budgetguard.ingest.testing;

import dev.budgetguard.ingest.tenant.AuthenticatedTenant;
import dev.budgetguard.ingest.tenant.TenantAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/** A tenant authenticator over a fixed map of tenant id to API key, for tests that need no control plane. */
public final class FixedTenants implements TenantAuthenticator {

    private final Map<String, String> keys;

    public FixedTenants(Map<String, String> keysByTenant) {
        this.keys = Map.copyOf(keysByTenant);
    }

    @Override
    public Optional<AuthenticatedTenant> authenticate(String tenantId, String apiKey) {
        String expected = keys.get(tenantId);
        if (expected == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(new AuthenticatedTenant(tenantId, "key-" + tenantId));
    }
}
