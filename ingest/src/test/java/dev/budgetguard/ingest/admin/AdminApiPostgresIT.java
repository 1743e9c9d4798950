package dev.budgetguard.ingest.admin;

import dev.budgetguard.ingest.testing.EmbeddedPostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link AdminApiScenarios} on a real PostgreSQL server, with the same Flyway migrations. The context is closed with
 * the class, while its server still answers.
 */
@DirtiesContext
class AdminApiPostgresIT extends AdminApiScenarios {

    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::jdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::user);
        registry.add("spring.datasource.password", () -> "");
    }
}
