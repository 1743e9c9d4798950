package dev.budgetguard.jobs.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.budgetguard.ingest.testing.EmbeddedPostgresExtension;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The tests of {@link RollupUsageJobIT} with the manifest, the Flyway history and the Spring Batch repository on a real
 * PostgreSQL server. The context is closed with the class, before its server stops.
 */
@DirtiesContext
class RollupUsageJobPostgresIT extends RollupUsageJobIT {

    @Autowired
    DataSource dataSource;

    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::jdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::user);
        registry.add("spring.datasource.password", () -> "");
    }

    @Test
    void theManifestAndTheBatchRepositoryAreOnPostgres() throws Exception {
        // when
        runRollup(1);

        // then the tables this class asserted on live in PostgreSQL, not in an H2 fallback
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM batch_job_execution WHERE status = 'COMPLETED'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }
}
