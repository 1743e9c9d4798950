package dev.budgetguard.ingest.admin;

import dev.budgetguard.ingest.tenant.DirectoryRefresh;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hands the admin area's settings to the tenant directory it administers. */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

    @Bean
    DirectoryRefresh directoryRefresh(AdminProperties properties) {
        return new DirectoryRefresh(properties.directoryRefresh(), properties.lastUsedFlush());
    }
}
