package dev.budgetguard.ingest.tenant;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the directory and administration; the proxy needs only the {@link TenantAuthenticator}. */
@Configuration(proxyBeanMethods = false)
class TenantConfiguration {

    private final Clock clock;

    TenantConfiguration(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Bean
    InMemoryTenantDirectory tenantAuthenticator() {
        return new InMemoryTenantDirectory(clock);
    }

    @Bean
    TenantDirectoryRefresher tenantDirectoryRefresher(
            TenantStore store, InMemoryTenantDirectory directory, DirectoryRefresh refresh) {
        return new TenantDirectoryRefresher(store, directory, refresh);
    }

    @Bean
    TenantAdministration tenantAdministration(TenantStore store, TenantDirectoryRefresher refresher) {
        return new TenantAdministration(store, refresher, new ApiKeyMinter(), clock);
    }
}
