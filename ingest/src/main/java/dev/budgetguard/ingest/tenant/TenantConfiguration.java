package dev.budgetguard.ingest.tenant;

import dev.budgetguard.ingest.admission.SpendLedger;
import dev.budgetguard.ingest.audit.AuditLog;
import dev.budgetguard.ingest.ratelimit.RateLimiter;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the directory, the feed of caps into the hot path and the administrations; the proxy needs only the
 * {@link TenantAuthenticator}, the {@link SpendLedger} and the {@link RateLimiter}.
 */
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
            TenantStore tenants,
            ApiKeyStore keys,
            BudgetStore budgets,
            InMemoryTenantDirectory directory,
            SpendLedger ledger,
            RateLimiter limiter,
            DirectoryRefresh refresh) {
        return new TenantDirectoryRefresher(
                tenants, keys, budgets, directory, new AdmissionFeed(ledger, limiter), refresh, clock);
    }

    @Bean
    ControlPlaneWrites controlPlaneWrites(
            TransactionTemplate transaction, AuditLog audit, TenantDirectoryRefresher refresher) {
        return new ControlPlaneWrites(transaction, audit, refresher, clock);
    }

    @Bean
    TenantAdministration tenantAdministration(
            TenantStore tenants, ApiKeyStore keys, BudgetStore budgets, ControlPlaneWrites writes) {
        return new TenantAdministration(tenants, keys, budgets, writes);
    }

    @Bean
    ApiKeyAdministration apiKeyAdministration(TenantStore tenants, ApiKeyStore keys, ControlPlaneWrites writes) {
        return new ApiKeyAdministration(tenants, keys, new ApiKeyMinter(), writes);
    }

    @Bean
    BudgetAdministration budgetAdministration(
            TenantStore tenants, BudgetStore budgets, SpendLedger ledger, ControlPlaneWrites writes) {
        return new BudgetAdministration(tenants, budgets, ledger, writes, clock);
    }
}
