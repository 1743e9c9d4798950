package dev.budgetguard.ingest.alerts;

import dev.budgetguard.ingest.testing.EmbeddedPostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AlertDeliveryIT} with {@code alert_event} (its dedupe and delivery updates) on a real PostgreSQL. */
@DirtiesContext
class AlertDeliveryPostgresIT extends AlertDeliveryIT {

    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::jdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::user);
        registry.add("spring.datasource.password", () -> "");
    }
}
