package dev.budgetguard.jobs.budgets;

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

/** The tests of {@link RecomputeBudgetsJobIT} with budgets, manifest and snapshot tables on a real PostgreSQL. */
@DirtiesContext
class RecomputeBudgetsJobPostgresIT extends RecomputeBudgetsJobIT {

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
    void theSnapshotIsWrittenToPostgres() throws Exception {
        // when
        run(recomputeBudgetsJob, 1);

        // then
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM budget_snapshot")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }
}
