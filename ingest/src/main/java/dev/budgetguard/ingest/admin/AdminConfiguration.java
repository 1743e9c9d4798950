package dev.budgetguard.ingest.admin;

import dev.budgetguard.ingest.tenant.DirectoryRefresh;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;

/**
 * Hands the admin area's settings to the tenant directory it administers, and makes the JSON request bodies strict: a
 * repeated key (which value wins is a reader's choice) or anything after the body's value is refused, not guessed.
 */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

    @Bean
    DirectoryRefresh directoryRefresh(AdminProperties properties) {
        return new DirectoryRefresh(properties.directoryRefresh(), properties.lastUsedFlush());
    }

    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
